using Immunization.Core.Identity;

namespace Immunization.Testing.Synthetic;

/// <summary>
/// Frequency tables for Vietnamese personal names, built from aggregated public figures; no real person's name is in
/// here, only single name syllables that millions of people share.
/// </summary>
/// <remarks>
/// <para>
/// <b>Family names.</b> The 14 most common family names and their shares of the population are the figures of
/// Lê Trung Hoa, <i>Họ và tên người Việt Nam</i> (NXB Khoa học Xã hội, 2005), as quoted by Wikipedia's "Vietnamese name"
/// article: Nguyễn 38.4 %, Trần 11 %, Lê 9.5 %, Phạm 7.1 %, Hoàng/Huỳnh 5.1 %, Phan 4.5 %, Vũ/Võ 3.9 %, Đặng 2.1 %,
/// Bùi 2 %, Đỗ 1.4 %, Hồ 1.3 %, Ngô 1.3 %, Dương 1 %, Lý 0.5 % (89.1 % together). The remaining 10.9 % is spread over
/// the less common family names the same article lists, with weights falling as 1/rank (a modelling choice).
/// Hoàng/Huỳnh and Vũ/Võ are one name written the northern and the southern way; the split by region below is a
/// modelling choice that follows the usual description (Huỳnh and Võ from the central coast southwards).
/// </para>
/// <para>
/// <b>Middle and given names.</b> No official frequency table exists. The lists are ordered as the commonly published
/// rankings of Vietnamese middle and given names are (e.g. press analyses of national exam candidate lists), with
/// weights falling as 1/rank (a Zipf approximation, not measured shares), except the two gendered middle names whose
/// dominance is well documented: <c>Văn</c> for men and <c>Thị</c> for women, set here to 55 % and 75 % for people born
/// before 1980 and 25 % and 35 % after (they became less usual), with a second middle name for a quarter of the younger
/// people ("Nguyễn Ngọc Bảo Anh").
/// </para>
/// </remarks>
internal static class VietnameseNames
{
    // Region 0: north (new province codes up to 37), 1: north-central (38–46), 2: central coast, highlands and south.
    public static int RegionOf(int newProvinceCode) => newProvinceCode <= 37 ? 0 : newProvinceCode <= 46 ? 1 : 2;

    private static readonly string[] s_lessCommonFamilies =
    [
        "Đinh", "Đào", "Đoàn", "Trương", "Trịnh", "Lâm", "Mai", "Hà", "Lương", "Cao", "Tạ", "Phùng", "Tô", "Châu", "Lưu", "Vương",
        "Thái", "Chu", "Quách", "Kiều", "Triệu", "Lục", "La", "Thạch", "Nghiêm", "Tôn", "Diệp", "Đàm", "Giang", "Mạc", "Khúc",
        "Âu", "Lã", "Văn", "Kim", "Bạch", "Hứa", "Tăng", "Từ", "Lò",
    ];

    private static readonly WeightedList<string>[] s_families = [BuildFamilies(0), BuildFamilies(1), BuildFamilies(2)];

    private static WeightedList<string> BuildFamilies(int region)
    {
        // Share of Huỳnh within Hoàng/Huỳnh and of Võ within Vũ/Võ, by region (modelling choice, see the remarks).
        var huynh = region switch { 0 => 0.03, 1 => 0.15, _ => 0.8 };
        var vo = region switch { 0 => 0.1, 1 => 0.75, _ => 0.85 };
        var entries = new List<(string, double)>
        {
            ("Nguyễn", 38.4), ("Trần", 11), ("Lê", 9.5), ("Phạm", 7.1),
            ("Hoàng", 5.1 * (1 - huynh)), ("Huỳnh", 5.1 * huynh),
            ("Phan", 4.5), ("Vũ", 3.9 * (1 - vo)), ("Võ", 3.9 * vo),
            ("Đặng", 2.1), ("Bùi", 2), ("Đỗ", 1.4), ("Hồ", 1.3), ("Ngô", 1.3), ("Dương", 1), ("Lý", 0.5),
        };
        AddZipf(entries, s_lessCommonFamilies, 10.9);
        return new WeightedList<string>(entries);
    }

    /// <summary>The family-name shares of the source (Lê Trung Hoa 2005), for tests that compare against them.</summary>
    public static IReadOnlyList<(string Name, double Share)> PublishedFamilyShares { get; } =
    [
        ("Nguyễn", 0.384), ("Trần", 0.11), ("Lê", 0.095), ("Phạm", 0.071), ("Hoàng|Huỳnh", 0.051), ("Phan", 0.045),
        ("Vũ|Võ", 0.039), ("Đặng", 0.021), ("Bùi", 0.02), ("Đỗ", 0.014), ("Hồ", 0.013), ("Ngô", 0.013), ("Dương", 0.01),
        ("Lý", 0.005),
    ];

    private static readonly string[] s_maleMiddleOld =
        ["Đức", "Hữu", "Đình", "Xuân", "Minh", "Quang", "Công", "Ngọc", "Thanh", "Quốc", "Trọng", "Thành", "Tiến", "Mạnh", "Duy",
         "Kim", "Bá", "Huy", "Viết", "Phú"];

    private static readonly string[] s_maleMiddleYoung =
        ["Minh", "Đức", "Quốc", "Hoàng", "Gia", "Tuấn", "Hữu", "Thanh", "Anh", "Quang", "Bảo", "Ngọc", "Công", "Trung", "Đình",
         "Thành", "Nhật", "Khánh", "Duy", "Tiến", "Hải", "Việt", "Xuân", "Trọng", "Phúc", "Đăng", "Thiên", "Hoài"];

    private static readonly string[] s_femaleMiddleOld =
        ["Ngọc", "Thanh", "Kim", "Thu", "Hồng", "Minh", "Bích", "Xuân", "Phương", "Thúy", "Mai", "Lan", "Hải", "Hoài", "Mỹ"];

    private static readonly string[] s_femaleMiddleYoung =
        ["Ngọc", "Thu", "Thanh", "Phương", "Minh", "Thùy", "Bảo", "Khánh", "Hoài", "Mỹ", "Kim", "Hồng", "Quỳnh", "Diệu", "Hà",
         "Thảo", "Hải", "Yến", "Tường", "Gia", "Cẩm", "Tú", "Mai", "Lan", "Ánh"];

    private static readonly string[] s_maleGiven =
        ["Anh", "Minh", "Hùng", "Dũng", "Tuấn", "Nam", "Hải", "Long", "Sơn", "Thắng", "Cường", "Hiếu", "Huy", "Đức", "Hoàng",
         "Khánh", "Phong", "Quân", "Tùng", "Thành", "Trung", "Tiến", "Quang", "Bình", "Hưng", "Việt", "Khoa", "Phúc", "Bảo",
         "Lâm", "Tài", "Thịnh", "Duy", "Vinh", "Hòa", "Lộc", "Hiệp", "Đạt", "Kiên", "Toàn", "Thái", "Tâm", "Nghĩa", "Hậu",
         "Lực", "Phát", "Quý", "Thanh", "Tú", "Vũ", "Khang", "Nhân", "Đông", "Tín", "Thuận", "Chiến", "Hiển", "Trí", "Thiện",
         "Dương", "Hào", "Kiệt", "Luân", "Mạnh", "Ngọc", "Phương", "Quyết", "Sang", "Tân", "Thông", "Tuyên", "Vượng", "Xuân",
         "Đăng", "Hạnh", "Lợi", "Nhật", "Tường", "Hoan", "Kha"];

    private static readonly string[] s_femaleGiven =
        ["Anh", "Linh", "Trang", "Hương", "Hà", "Ngọc", "Thảo", "Hằng", "Lan", "Mai", "Nhung", "Phương", "Hoa", "Thủy", "Huyền",
         "Nga", "Oanh", "Yến", "Vy", "Nhi", "Hạnh", "Dung", "Loan", "Thu", "Giang", "Vân", "Quỳnh", "Hiền", "Hồng", "Trinh",
         "Tuyết", "Chi", "My", "Ngân", "Hân", "Uyên", "Thư", "Tâm", "Duyên", "Liên", "Xuân", "Hòa", "Châu", "Diệp", "Thoa",
         "Nhàn", "Lý", "Nguyệt", "Phượng", "Thúy", "Trâm", "Tiên", "Hậu", "Lụa", "Dịu", "Hiên", "Ly",
         "Quyên", "Sen", "Thắm", "Thơm", "Tươi", "Vi", "Đào", "Hảo", "Khuê", "Lam", "Mơ", "Nương", "Thanh", "Như", "Diễm", "Gấm"];

    private static readonly WeightedList<string> s_maleMiddleOldTable = Gendered("Văn", 0.55, s_maleMiddleOld);
    private static readonly WeightedList<string> s_maleMiddleYoungTable = Gendered("Văn", 0.25, s_maleMiddleYoung);
    private static readonly WeightedList<string> s_femaleMiddleOldTable = Gendered("Thị", 0.75, s_femaleMiddleOld);
    private static readonly WeightedList<string> s_femaleMiddleYoungTable = Gendered("Thị", 0.35, s_femaleMiddleYoung);
    private static readonly WeightedList<string> s_secondMiddleMale = Zipf(s_maleMiddleYoung);
    private static readonly WeightedList<string> s_secondMiddleFemale = Zipf(s_femaleMiddleYoung);
    private static readonly WeightedList<string> s_maleGivenTable = Zipf(s_maleGiven);
    private static readonly WeightedList<string> s_femaleGivenTable = Zipf(s_femaleGiven);

    public static string FamilyName(ref Xoshiro256StarStar rng, int region) => s_families[region].Next(ref rng);

    /// <summary>A full name, family name first: "Nguyễn Thị Minh Anh".</summary>
    public static string FullName(ref Xoshiro256StarStar rng, Sex sex, int birthYear, int region)
    {
        var female = sex == Sex.Female;
        var young = birthYear >= 1980;
        var family = FamilyName(ref rng, region);
        var middle = (female, young) switch
        {
            (false, false) => s_maleMiddleOldTable.Next(ref rng),
            (false, true) => s_maleMiddleYoungTable.Next(ref rng),
            (true, false) => s_femaleMiddleOldTable.Next(ref rng),
            (true, true) => s_femaleMiddleYoungTable.Next(ref rng),
        };
        var given = (female ? s_femaleGivenTable : s_maleGivenTable).Next(ref rng);
        if (young && rng.Chance(0.25))
        {
            var second = (female ? s_secondMiddleFemale : s_secondMiddleMale).Next(ref rng);
            if (!string.Equals(second, middle, StringComparison.Ordinal) && !string.Equals(second, given, StringComparison.Ordinal))
            {
                return string.Concat(family, " ", middle, " ", second, " ", given);
            }
        }

        return string.Equals(middle, given, StringComparison.Ordinal)
            ? string.Concat(family, " ", given)
            : string.Concat(family, " ", middle, " ", given);
    }

    private static WeightedList<string> Gendered(string dominant, double share, string[] others)
    {
        var entries = new List<(string, double)> { (dominant, share) };
        AddZipf(entries, others, 1 - share);
        return new WeightedList<string>(entries);
    }

    private static WeightedList<string> Zipf(string[] names)
    {
        var entries = new List<(string, double)>();
        AddZipf(entries, names, 1);
        return new WeightedList<string>(entries);
    }

    private static void AddZipf(List<(string, double)> entries, string[] names, double total)
    {
        var harmonic = 0.0;
        for (var i = 1; i <= names.Length; i++)
        {
            harmonic += 1.0 / i;
        }

        for (var i = 0; i < names.Length; i++)
        {
            entries.Add((names[i], total / (i + 1) / harmonic));
        }
    }
}
