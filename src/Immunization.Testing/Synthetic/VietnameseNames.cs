using Immunization.Core.Identity;

namespace Immunization.Testing.Synthetic;

/// <summary>
/// Frequency tables for Vietnamese personal names, built from aggregated public figures where they exist and from stated
/// modelling assumptions where they do not; no real person's name is in here, only single name syllables that millions
/// of people share.
/// </summary>
/// <remarks>
/// <para>
/// <b>Family names.</b> The 14 most common family names and their shares of the population are the figures of
/// Lê Trung Hoa, <i>Họ và tên người Việt Nam</i> (NXB Khoa học Xã hội, 2005), as quoted by Wikipedia's "Vietnamese name"
/// article: Nguyễn 38.4 %, Trần 11 %, Lê 9.5 %, Phạm 7.1 %, Hoàng/Huỳnh 5.1 %, Phan 4.5 %, Vũ/Võ 3.9 %, Đặng 2.1 %,
/// Bùi 2 %, Đỗ 1.4 %, Hồ 1.3 %, Ngô 1.3 %, Dương 1 %, Lý 0.5 % (89.1 % together). The remaining 10.9 % is spread over
/// 94 less common family names (Đinh, Đào, Đoàn, Trương, … and names of ethnic minorities such as Lò, Nông, Giàng); the
/// source gives them no shares, so each stays below Lý, the last ranked name, and their weights fall as
/// 1/rank<sup>0.375</sup> (a modelling choice; their order is ours). Hoàng/Huỳnh and Vũ/Võ are one name written the
/// northern and the southern way; the split by region below is a modelling choice that follows the usual description
/// (Huỳnh and Võ from the central coast southwards).
/// </para>
/// <para>
/// <b>Middle and given names.</b> No official frequency table of Vietnamese given names is published. The lists below
/// (292 male and 269 female given names, 29–50 middle names per sex and generation) are common single-syllable names
/// written from general knowledge of Vietnamese naming, ordered roughly from more to less common; that order and the
/// weights are our modelling assumption, not measured shares. Given names get weights falling as 1/rank<sup>0.625</sup>
/// within each ten-year birth cohort, and the 40 names at the head of each list rotate by five places from one cohort to
/// the next, so that the popular names of one generation are not those of another: the top given name is about 5 % of its
/// sex and cohort, less over all cohorts, and a 100,000-person register holds several hundred distinct given names (our
/// judgement of a realistic concentration, not a sourced figure). Middle names other than the dominant ones fall as
/// 1/rank<sup>0.75</sup>. The two gendered middle names whose dominance is well documented, <c>Văn</c> for men and
/// <c>Thị</c> for women, are set to 75 % and 85 % for people born before 1980 and 45 % and 55 % after (they became less
/// usual, yet still cover most people; the exact shares are our assumption); a quarter of the younger people get a second
/// middle name ("Nguyễn Ngọc Bảo Anh").
/// </para>
/// </remarks>
internal static class VietnameseNames
{
    // Zipf exponents in eighths (modelling assumptions, see the remarks): 3/8, 6/8 and 4/8.
    private const int FamilyTailExponent = 3;
    private const int MiddleExponent = 6;
    private const int GivenExponent = 5;

    // Region 0: north (new province codes up to 37), 1: north-central (38–46), 2: central coast, highlands and south.
    public static int RegionOf(int newProvinceCode) => newProvinceCode <= 37 ? 0 : newProvinceCode <= 46 ? 1 : 2;

    private static readonly string[] s_lessCommonFamilies =
    [
        "Đinh", "Đào", "Đoàn", "Trương", "Trịnh", "Lâm", "Mai", "Hà", "Lương", "Cao", "Tạ", "Phùng", "Tô", "Châu",
        "Lưu", "Vương", "Thái", "Chu", "Quách", "Kiều", "Triệu", "Lục", "La", "Thạch", "Nghiêm", "Tôn", "Diệp", "Đàm",
        "Giang", "Mạc", "Khúc", "Âu", "Lã", "Văn", "Kim", "Bạch", "Hứa", "Tăng", "Từ", "Lò", "Nông", "Phương",
        "Quan", "Ông", "Ninh", "Khổng", "Khương", "Doãn", "Đồng", "Đường", "Tống", "Thân", "Thiều", "Vi", "Hầu", "Cù",
        "Lại", "Lữ", "Mạnh", "Nhữ", "Phí", "Phó", "Sầm", "Tiêu", "Trầm", "Trình", "Ứng", "Vạn", "Hàn", "Bế",
        "Ma", "Mông", "Sùng", "Giáp", "Đậu", "Cấn", "Cung", "Chế", "Chung", "Kha", "Lạc", "Mẫn", "Nhâm", "Tất",
        "Thang", "Tiết", "Trà", "Lường", "Quàng", "Cầm", "Điêu", "Vàng", "Giàng", "Thào",
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
        AddZipf(entries, s_lessCommonFamilies, 10.9, FamilyTailExponent);
        return new WeightedList<string>(entries);
    }

    private static readonly string[] s_maleMiddleOld =
    [
        "Đức", "Hữu", "Đình", "Xuân", "Minh", "Quang", "Công", "Ngọc", "Thanh", "Quốc", "Trọng", "Thành", "Tiến", "Mạnh",
        "Duy", "Kim", "Bá", "Huy", "Viết", "Phú", "Như", "Đăng", "Khắc", "Sỹ", "Thế", "Hồng", "Chí", "Trung",
        "Tuấn", "Hoài", "Doãn", "Ích", "Vĩnh", "Phúc", "Hoàng", "Tất", "Nhật", "Bảo", "Đắc", "Phước", "Tấn", "Thiện",
        "Trường",
    ];

    private static readonly string[] s_maleMiddleYoung =
    [
        "Minh", "Đức", "Quốc", "Hoàng", "Gia", "Tuấn", "Hữu", "Thanh", "Anh", "Quang", "Bảo", "Ngọc", "Công", "Trung",
        "Đình", "Thành", "Nhật", "Khánh", "Duy", "Tiến", "Hải", "Việt", "Xuân", "Trọng", "Phúc", "Đăng", "Thiên", "Hoài",
        "Huy", "Đại", "Tấn", "Chí", "Thế", "Hồng", "Vĩnh", "Trí", "Phú", "Kim", "Nguyên", "Khôi", "Hưng", "Tùng",
        "Phước", "Thái", "Mạnh", "Thiện", "Nam", "Đông", "Trường", "Kiến",
    ];

    private static readonly string[] s_femaleMiddleOld =
    [
        "Ngọc", "Thanh", "Kim", "Thu", "Hồng", "Minh", "Bích", "Xuân", "Phương", "Thúy", "Mai", "Lan", "Hải", "Hoài",
        "Mỹ", "Thùy", "Diệu", "Ánh", "Hương", "Tuyết", "Như", "Bảo", "Quỳnh", "Cẩm", "Lệ", "Hoàng", "Hạnh", "Kiều",
        "Phước",
    ];

    private static readonly string[] s_femaleMiddleYoung =
    [
        "Ngọc", "Thu", "Thanh", "Phương", "Minh", "Thùy", "Bảo", "Khánh", "Hoài", "Mỹ", "Kim", "Hồng", "Quỳnh", "Diệu",
        "Hà", "Thảo", "Hải", "Yến", "Tường", "Gia", "Cẩm", "Tú", "Mai", "Lan", "Ánh", "Hoàng", "Thục", "Bích",
        "Vân", "Uyên", "Hương", "Kiều", "Như", "Huyền", "Linh", "Trúc", "Nhã", "An", "Tuệ", "Khả", "Quế", "Châu",
        "Thiên", "Xuân", "Lệ", "Hạnh", "Thúy", "Hiền", "Tâm",
    ];

    private static readonly string[] s_maleGiven =
    [
        "Anh", "Minh", "Hùng", "Dũng", "Tuấn", "Nam", "Hải", "Long", "Sơn", "Thắng", "Cường", "Hiếu", "Huy", "Đức",
        "Hoàng", "Khánh", "Phong", "Quân", "Tùng", "Thành", "Trung", "Tiến", "Quang", "Bình", "Hưng", "Việt", "Khoa", "Phúc",
        "Bảo", "Lâm", "Tài", "Thịnh", "Duy", "Vinh", "Hòa", "Lộc", "Hiệp", "Đạt", "Kiên", "Toàn", "Thái", "Tâm",
        "Nghĩa", "Hậu", "Lực", "Phát", "Quý", "Thanh", "Tú", "Vũ", "Khang", "Nhân", "Đông", "Tín", "Thuận", "Chiến",
        "Hiển", "Trí", "Thiện", "Dương", "Hào", "Kiệt", "Luân", "Mạnh", "Ngọc", "Phương", "Quyết", "Sang", "Tân", "Thông",
        "Tuyên", "Vượng", "Xuân", "Đăng", "Lợi", "Nhật", "Tường", "Hoan", "Khôi", "Bách", "An", "Nguyên", "Thiên", "Gia",
        "Khải", "Định", "Tuân", "Thọ", "Trường", "Trọng", "Vĩnh", "Phú", "Công", "Quốc", "Hợp", "Hiền", "Hữu", "Linh",
        "Lân", "Lập", "Nghị", "Ninh", "Phi", "Sinh", "Sỹ", "Tấn", "Thạch", "Thế", "Thiết", "Thìn", "Tư", "Uy",
        "Vĩ", "Viễn", "Vương", "Vỹ", "Yên", "Ân", "Bằng", "Biên", "Cảnh", "Chính", "Chung", "Danh", "Dân", "Doanh",
        "Du", "Dưỡng", "Đại", "Điền", "Điệp", "Đoàn", "Độ", "Đồng", "Giang", "Hà", "Hạnh", "Hiệu", "Hoạt", "Hội",
        "Hồng", "Huân", "Huấn", "Hướng", "Khiêm", "Khương", "Kỳ", "Lĩnh", "Luận", "Lượng", "Mậu", "Nhất", "Pháp", "Phụng",
        "Phước", "Quảng", "Quế", "Quỳnh", "Tạo", "Thăng", "Thân", "Thiệu", "Thoại", "Thụ", "Thuần", "Thức", "Thường", "Tiệp",
        "Tĩnh", "Toản", "Trạch", "Tráng", "Tuệ", "Tưởng", "Tuyển", "Văn", "Vịnh", "Võ", "Bắc", "Cần", "Chánh", "Châu",
        "Chí", "Chinh", "Chương", "Doãn", "Dực", "Đảm", "Đạo", "Đắc", "Điển", "Đình", "Đô", "Đôn", "Giáp", "Hanh",
        "Hảo", "Hiến", "Hiện", "Hoài", "Hoán", "Hoành", "Học", "Kế", "Khắc", "Khiết", "Kính", "Lai", "Lam", "Lễ",
        "Liêm", "Mẫn", "Miên", "Năng", "Nghiêm", "Nhơn", "Nhuận", "Phấn", "Phổ", "Quyền", "Sáng", "Sâm", "Sĩ", "Tá",
        "Tam", "Thi", "Triều", "Triết", "Trực", "Tuất", "Tuy", "Ước", "Ưng", "Vạn", "Xuyên", "Tuyến", "Cơ", "Cương",
        "Đỉnh", "Hạo", "Kha", "Khẩn", "Thuyết", "Tịnh", "Tòng", "Vấn", "Bổng", "Cao", "Chiêu", "Diệu", "Dinh", "Đán",
        "Đệ", "Hoạch", "Khoát", "Lạc", "Lương", "Nhạc", "Oai", "Phán", "Quyến", "Sở", "Thạc", "Thảo", "Thiêm", "Thống",
        "Toại", "Trác", "Trình", "Truyền", "Tụ", "Tứ", "Tùy", "Vân", "Vận", "Xứng", "Ý", "Hoè", "Khâm", "Lãm",
        "Luyện", "Mừng", "Nhâm", "Sửu", "Tỵ", "Dậu", "Tý", "Ngọ", "Mùi", "Canh", "Kỷ", "Giáo",
    ];

    private static readonly string[] s_femaleGiven =
    [
        "Anh", "Linh", "Trang", "Hương", "Hà", "Ngọc", "Thảo", "Hằng", "Lan", "Mai", "Nhung", "Phương", "Hoa", "Thủy",
        "Huyền", "Nga", "Oanh", "Yến", "Vy", "Nhi", "Hạnh", "Dung", "Loan", "Thu", "Giang", "Vân", "Quỳnh", "Hiền",
        "Hồng", "Trinh", "Tuyết", "Chi", "My", "Ngân", "Hân", "Uyên", "Thư", "Tâm", "Duyên", "Liên", "Xuân", "Hòa",
        "Châu", "Diệp", "Thoa", "Nhàn", "Lý", "Nguyệt", "Phượng", "Thúy", "Trâm", "Tiên", "Hậu", "Lụa", "Dịu", "Hiên",
        "Ly", "Quyên", "Sen", "Thắm", "Thơm", "Tươi", "Vi", "Đào", "Hảo", "Khuê", "Lam", "Mơ", "Nương", "Thanh",
        "Như", "Diễm", "Gấm", "Hạ", "Huệ", "Cúc", "Lê", "Liễu", "Lệ", "Lài", "Mận", "Mến", "Na", "Nguyên",
        "Nhã", "Nhạn", "Nữ", "Phúc", "Phụng", "Quế", "Sương", "Thi", "Thục", "Thương", "Thùy", "Tịnh", "Trà", "Trúc",
        "Tú", "Tuyền", "Uyển", "Vui", "Xoan", "Yên", "An", "Ánh", "Bích", "Bình", "Cầm", "Cẩm", "Chinh", "Chung",
        "Đài", "Diệu", "Điệp", "Dương", "Hải", "Hoài", "Huyên", "Kiều", "Kim", "Lâm", "Lành", "Luyến", "Mỹ", "Ngà",
        "Ngoan", "Nhiên", "Phấn", "Phi", "Phước", "Quý", "Sa", "Sinh", "Son", "Thêm", "Thơ", "Thuận", "Thuần", "Thường",
        "Trân", "Tuệ", "Tường", "Xuyến", "Ái", "Ân", "Bảo", "Bông", "Cát", "Chúc", "Dạ", "Dao", "Đan", "Đoan",
        "Hoan", "Hưởng", "Khánh", "Khanh", "Khuyên", "Lễ", "Lộc", "Mây", "Miên", "Minh", "Mùi", "Nết", "Ngát", "Nghi",
        "Nhu", "Nhụy", "Nụ", "Sim", "Tấm", "Thìn", "Thoại", "Thy", "Viên", "Xinh", "Ý", "Hường", "Huế", "Mỵ",
        "Tình", "Giao", "Mi", "Châm", "Chuyên", "Nhài", "Lựu", "Ninh", "Khiết", "Thiện", "Hiếu", "Hợp", "Hội", "Lợi",
        "Lương", "Mừng", "Nhẫn", "Phú", "Sáng", "Thái", "Thịnh", "Trầm", "Trung", "Vàng", "Việt", "Vinh", "Xuyên", "Bội",
        "Hiệp", "Hoàn", "Huê", "Khai", "Lanh", "Lạc", "Len", "Mẫn", "Mịn", "Nguyện", "Nhị", "Quyền", "Sâm", "Tạo",
        "Thiên", "Thông", "Toàn", "Tố", "Tuyến", "Vẹn", "Vượng", "Hiển", "Kha", "Dậu", "Tý", "Hợi", "Đông", "Điềm",
        "Định", "Đoá", "Dư", "Gia", "Én", "Thoan", "Tuyên", "Ngọ", "Hoàng", "Diên", "Khương", "Ngần", "Kiên", "Tín",
        "Bé", "Út", "Chang", "Sáu", "Mười", "Hai", "Ba", "Tư", "Năm", "Bảy", "Tám", "Chín", "Trưng", "Lai",
        "Thêu", "Tơ", "Biên",
    ];

    private static readonly WeightedList<string> s_maleMiddleOldTable = Gendered("Văn", 0.75, s_maleMiddleOld);
    private static readonly WeightedList<string> s_maleMiddleYoungTable = Gendered("Văn", 0.45, s_maleMiddleYoung);
    private static readonly WeightedList<string> s_femaleMiddleOldTable = Gendered("Thị", 0.85, s_femaleMiddleOld);
    private static readonly WeightedList<string> s_femaleMiddleYoungTable = Gendered("Thị", 0.55, s_femaleMiddleYoung);
    private static readonly WeightedList<string> s_secondMiddleMale = Zipf(s_maleMiddleYoung, MiddleExponent);
    private static readonly WeightedList<string> s_secondMiddleFemale = Zipf(s_femaleMiddleYoung, MiddleExponent);
    private static readonly WeightedList<string>[] s_maleGivenTables = ByCohort(s_maleGiven);
    private static readonly WeightedList<string>[] s_femaleGivenTables = ByCohort(s_femaleGiven);

    // Birth cohorts of ten years from 1920 (earlier births join the first, later ones the last).
    private const int FirstCohortYear = 1920;
    private const int CohortCount = 11;

    // How far the ranking of the most popular given names moves from one cohort to the next (a modelling choice).
    private const int CohortShift = 5;

    // Only the head of the list (the names that are in fashion at some time) moves between cohorts.
    private const int FashionableNames = 40;

    private static int CohortOf(int birthYear) => Math.Clamp((birthYear - FirstCohortYear) / 10, 0, CohortCount - 1);

    private static WeightedList<string>[] ByCohort(string[] names)
    {
        var tables = new WeightedList<string>[CohortCount];
        for (var c = 0; c < CohortCount; c++)
        {
            var ranked = new string[names.Length];
            for (var k = 0; k < names.Length; k++)
            {
                ranked[k] = k < FashionableNames ? names[(k + (c * CohortShift)) % FashionableNames] : names[k];
            }

            tables[c] = Zipf(ranked, GivenExponent);
        }

        return tables;
    }

    /// <summary>The less common family names, in the order of their weights (for tests of the ranking).</summary>
    public static IReadOnlyList<string> LessCommonFamilyNames => s_lessCommonFamilies;

    public static string FamilyName(ref Xoshiro256StarStar rng, int region) => s_families[region].Next(ref rng);

    /// <summary>A full name, family name first: "Nguyễn Thị Minh Anh".</summary>
    public static string FullName(ref Xoshiro256StarStar rng, Sex sex, int birthYear, int region) =>
        FullName(ref rng, sex, birthYear, FamilyName(ref rng, region));

    /// <summary>A full name with the given family name (a child of a household takes its father's).</summary>
    public static string FullName(ref Xoshiro256StarStar rng, Sex sex, int birthYear, string family)
    {
        var female = sex == Sex.Female;
        var young = birthYear >= 1980;
        var middle = (female, young) switch
        {
            (false, false) => s_maleMiddleOldTable.Next(ref rng),
            (false, true) => s_maleMiddleYoungTable.Next(ref rng),
            (true, false) => s_femaleMiddleOldTable.Next(ref rng),
            (true, true) => s_femaleMiddleYoungTable.Next(ref rng),
        };
        var given = (female ? s_femaleGivenTables : s_maleGivenTables)[CohortOf(birthYear)].Next(ref rng);
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
        AddZipf(entries, others, 1 - share, MiddleExponent);
        return new WeightedList<string>(entries);
    }

    private static WeightedList<string> Zipf(string[] names, int exponent)
    {
        var entries = new List<(string, double)>();
        AddZipf(entries, names, 1, exponent);
        return new WeightedList<string>(entries);
    }

    // Weights proportional to 1/rank^(eighths/8), adding up to total.
    private static void AddZipf(List<(string, double)> entries, string[] names, double total, int eighths)
    {
        var sum = 0.0;
        for (var i = 1; i <= names.Length; i++)
        {
            sum += 1 / Power(i, eighths);
        }

        for (var i = 0; i < names.Length; i++)
        {
            entries.Add((names[i], total / Power(i + 1, eighths) / sum));
        }
    }

    // rank^(eighths/8) from square roots and products only: IEEE 754 rounds those exactly, unlike Math.Pow, whose last
    // bit may differ between platforms, so the tables (and the generated bytes) are the same on every machine.
    private static double Power(int rank, int eighths)
    {
        var eighth = Math.Sqrt(Math.Sqrt(Math.Sqrt(rank)));
        var result = 1.0;
        for (var k = 0; k < eighths; k++)
        {
            result *= eighth;
        }

        return result;
    }
}
