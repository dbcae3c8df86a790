using System.Globalization;
using System.Text;
using Immunization.Core.Identity;
using Immunization.Core.Places;

namespace Immunization.Benchmarks.Matching;

/// <summary>
/// A small, seeded generator of register people and vaccination records with typical data-entry errors, for the matcher's
/// own tests and benchmarks (the project's full generator is Immunization.Testing's). Rows are text, as in the files.
/// </summary>
/// <remarks>Shared as source with the matching tests. Names are composed from common syllables, never real people.</remarks>
internal sealed class SyntheticIdentities
{
    // Family-name shares: aggregated public figures (Nguyễn about a third, then Trần, Lê, Phạm, ...).
    private static readonly (string Name, double Share)[] s_families =
    [
        ("Nguyễn", 0.31), ("Trần", 0.11), ("Lê", 0.09), ("Phạm", 0.065), ("Hoàng", 0.04), ("Huỳnh", 0.03), ("Phan", 0.03),
        ("Vũ", 0.02), ("Võ", 0.03), ("Đặng", 0.02), ("Bùi", 0.02), ("Đỗ", 0.015), ("Hồ", 0.013), ("Ngô", 0.013), ("Dương", 0.01),
        ("Lý", 0.005), ("Đinh", 0.01), ("Trương", 0.01), ("Lâm", 0.007), ("Mai", 0.007), ("Tạ", 0.005), ("Cao", 0.006),
        ("Quách", 0.003), ("Lương", 0.006), ("Đoàn", 0.007), ("Vương", 0.003), ("Trịnh", 0.006), ("Hà", 0.006), ("Tô", 0.004),
        ("Kiều", 0.003), ("Châu", 0.004), ("Thái", 0.004), ("La", 0.002), ("Chu", 0.003),
    ];

    private static readonly string[] s_maleMiddles = ["Văn", "Hữu", "Đức", "Minh", "Quang", "Thành", "Công", "Xuân", "Văn", "Văn"];
    private static readonly string[] s_femaleMiddles = ["Thị", "Ngọc", "Thu", "Thanh", "Kim", "Mỹ", "Hồng", "Phương", "Thị", "Thị"];

    private static readonly string[] s_maleGivens =
    [
        "Anh", "Bảo", "Bình", "Cường", "Dũng", "Đạt", "Đông", "Giang", "Hải", "Hào", "Hiếu", "Hòa", "Hoàng", "Hùng", "Huy",
        "Khang", "Khánh", "Khoa", "Kiên", "Lâm", "Long", "Lộc", "Luân", "Mạnh", "Minh", "Nam", "Nghĩa", "Nhân", "Phát", "Phong",
        "Phúc", "Quân", "Quang", "Quốc", "Sơn", "Tài", "Tâm", "Thắng", "Thành", "Thịnh", "Toàn", "Trí", "Trung", "Tuấn", "Tùng",
        "Việt", "Vinh", "Vũ", "Dương", "Đức",
    ];

    private static readonly string[] s_femaleGivens =
    [
        "Anh", "Ánh", "Bích", "Châu", "Chi", "Diệp", "Dung", "Duyên", "Giang", "Hà", "Hạnh", "Hằng", "Hiền", "Hoa", "Hồng",
        "Huệ", "Hương", "Huyền", "Lan", "Liên", "Linh", "Loan", "Mai", "My", "Nga", "Ngân", "Ngọc", "Nhung", "Nhi", "Oanh",
        "Phương", "Quỳnh", "Thảo", "Thơ", "Thủy", "Thúy", "Trang", "Trinh", "Tú", "Uyên", "Vân", "Vy", "Xuân", "Yến", "Hoài",
        "Khánh", "Loan", "Ly", "Nhàn", "Tâm",
    ];

    private static readonly string[] s_mobilePrefixes = ["090", "091", "093", "094", "096", "097", "098", "086", "032", "033", "034", "035",
        "036", "037", "038", "039", "070", "076", "077", "078", "079", "081", "082", "083", "084", "085", "056", "058"];

    private readonly Random _random;
    private readonly AdministrativeUnit[] _communes;

    public SyntheticIdentities(int seed)
    {
        _random = new Random(seed);
        _communes = AdministrativeUnitCatalog.Vietnam.GetUnits(AdministrativeScheme.New, AdministrativeLevel.Commune).ToArray();
    }

    /// <summary>The register columns: person_id, citizen_id, full_name, date_of_birth, sex, phone, province_code, commune_code, admin_scheme, nationality.</summary>
    public List<string?[]> People(int count)
    {
        var people = new List<string?[]>(count);
        var usedIds = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var male = _random.Next(2) == 0;
            var year = 1930 + _random.Next(86);
            var month = 1 + _random.Next(12);
            var day = 1 + _random.Next(DateTime.DaysInMonth(year, month));
            var family = Weighted(s_families);
            var middles = male ? s_maleMiddles : s_femaleMiddles;
            var middle = _random.NextDouble() < 0.15 ? middles[_random.Next(middles.Length)] + " " + middles[_random.Next(middles.Length)]
                : middles[_random.Next(middles.Length)];
            var given = (male ? s_maleGivens : s_femaleGivens)[_random.Next(50)];
            var commune = _communes[_random.Next(_communes.Length)];
            var sex = male ? Sex.Male : Sex.Female;
            string cid;
            do
            {
                cid = "";
                try
                {
                cid = year < 1960 && _random.NextDouble() < 0.3
                    ? (100_000_000 + _random.Next(900_000_000)).ToString(CultureInfo.InvariantCulture)
                    : CitizenId.CreateCccd(CitizenId.ProvinceCodes[_random.Next(CitizenId.ProvinceCodes.Length)], sex, year, 1 + _random.Next(999_999))
                        .ToString();
                }
                catch (ArgumentException)
                {
                    // A serial whose digits would make a placeholder number: draw again.
                    continue;
                }
            }
            while (cid.Length == 0 || !usedIds.Add(cid));

            var phone = _random.NextDouble() < 0.8
                ? s_mobilePrefixes[_random.Next(s_mobilePrefixes.Length)] + _random.Next(10_000_000).ToString("D7", CultureInfo.InvariantCulture)
                : null;
            people.Add(
            [
                "P" + i.ToString("D7", CultureInfo.InvariantCulture), cid, $"{family} {middle} {given}",
                $"{year:D4}-{month:D2}-{day:D2}", male ? "M" : "F", phone, commune.Province.Code, commune.Code, "new", "VN",
            ]);
        }

        return people;
    }

    /// <summary>
    /// Records of the given people (1 to 3 each for about 60 % of them), with errors, plus records of people absent from the
    /// register (<paramref name="absentShare"/>) and of foreigners. Returns the rows (record_id first) and the true person per record.
    /// </summary>
    public (List<string?[]> Records, List<string?> Truth) Records(List<string?[]> people, double absentShare = 0.03)
    {
        var records = new List<string?[]>();
        var truth = new List<string?>();
        var absent = People((int)(people.Count * absentShare) + 1);
        foreach (var (list, inRegister) in new[] { (people, true), (absent, false) })
        {
            foreach (var person in list)
            {
                var n = _random.NextDouble() < 0.6 ? 1 + _random.Next(3) : 0;
                if (!inRegister)
                {
                    n = 1;
                }

                for (var k = 0; k < n; k++)
                {
                    var row = (string?[])person.Clone();
                    row[0] = "R" + records.Count.ToString("D8", CultureInfo.InvariantCulture);
                    Corrupt(row);
                    records.Add(row);
                    truth.Add(inRegister ? person[0] : null);
                }
            }
        }

        for (var f = 0; f < Math.Max(1, people.Count / 200); f++)
        {
            var row = (string?[])People(1)[0].Clone();
            row[0] = "R" + records.Count.ToString("D8", CultureInfo.InvariantCulture);
            row[1] = "E" + _random.Next(10_000_000).ToString("D7", CultureInfo.InvariantCulture);
            row[9] = _random.Next(2) == 0 ? "KR" : "CN";
            records.Add(row);
            truth.Add(null);
        }

        return (records, truth);
    }

    private void Corrupt(string?[] row)
    {
        var r = _random;
        // Identity number: missing, one digit mistyped, two adjacent digits transposed.
        var p = r.NextDouble();
        if (p < 0.10)
        {
            row[1] = null;
        }
        else if (p < 0.12)
        {
            row[1] = Substitute(row[1]!);
        }
        else if (p < 0.13)
        {
            row[1] = Transpose(row[1]!);
        }

        // Name: tone marks dropped (with Đ → D), decomposed Unicode, case and spacing noise, a syllable mistyped, swap.
        var name = row[2]!;
        if (r.NextDouble() < 0.20)
        {
            name = StripTones(name);
        }

        if (r.NextDouble() < 0.05)
        {
            name = name.Normalize(NormalizationForm.FormD);
        }

        if (r.NextDouble() < 0.05)
        {
            name = "  " + name.ToUpperInvariant().Replace(" ", "  ", StringComparison.Ordinal);
        }

        var syllables = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (r.NextDouble() < 0.02)
        {
            var s = r.Next(syllables.Length);
            syllables[s] = Substitute(syllables[s]);
        }

        if (r.NextDouble() < 0.01)
        {
            (syllables[0], syllables[^1]) = (syllables[^1], syllables[0]);
        }

        row[2] = string.Join(' ', syllables);

        // Date of birth: year only, day and month swapped, a digit mistyped; written dd/MM/yyyy half of the time.
        var date = DateOnly.ParseExact(row[3]!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        p = r.NextDouble();
        if (p < 0.05)
        {
            row[3] = date.Year.ToString(CultureInfo.InvariantCulture);
        }
        else if (p < 0.07 && date.Day <= 12 && date.Day != date.Month)
        {
            row[3] = $"{date.Year:D4}-{date.Day:D2}-{date.Month:D2}";
        }
        else if (p < 0.08)
        {
            var typo = date.AddDays(r.Next(2) == 0 ? 1 : -1);
            row[3] = typo.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }
        else if (r.Next(2) == 0)
        {
            row[3] = date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        }

        if (r.NextDouble() < 0.01)
        {
            row[4] = row[4] == "M" ? "F" : "M";
        }

        // Phone: missing, old 11-digit form, mistyped.
        p = r.NextDouble();
        if (row[5] is not null && p < 0.2)
        {
            row[5] = null;
        }
        else if (row[5] is not null && p < 0.25 && PhoneNumber.TryParse(row[5], out var phone) && phone.ToLegacyMobileForm() is { } legacy)
        {
            row[5] = legacy;
        }
        else if (row[5] is not null && p < 0.27)
        {
            row[5] = Substitute(row[5]!);
        }

        // Residence: written in the old scheme, or a wrong commune.
        p = r.NextDouble();
        if (p < 0.3 && AdministrativeUnitCatalog.Vietnam.TryGetByCode(AdministrativeScheme.New, row[7], out var commune))
        {
            var old = AdministrativeUnitCatalog.Vietnam.MapToOld(commune);
            if (old.Length > 0)
            {
                row[7] = old[0].Unit.Code;
                row[6] = old[0].Unit.Province.Code;
                row[8] = "old";
            }
        }
        else if (p < 0.33)
        {
            var other = _communes[r.Next(_communes.Length)];
            row[7] = other.Code;
            row[6] = other.Province.Code;
        }
    }

    private string Substitute(string text)
    {
        var chars = text.ToCharArray();
        var i = _random.Next(chars.Length);
        chars[i] = char.IsDigit(chars[i]) ? (char)('0' + ((chars[i] - '0' + 1 + _random.Next(9)) % 10)) : (chars[i] == 'a' ? 'e' : 'a');
        return new string(chars);
    }

    private string Transpose(string text)
    {
        var chars = text.ToCharArray();
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var i = _random.Next(chars.Length - 1);
            if (chars[i] != chars[i + 1])
            {
                (chars[i], chars[i + 1]) = (chars[i + 1], chars[i]);
                return new string(chars);
            }
        }

        return Substitute(text);
    }

    private static string StripTones(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(c switch { 'đ' => 'd', 'Đ' => 'D', _ => c });
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    private string Weighted((string Name, double Share)[] items)
    {
        var total = 0.0;
        foreach (var item in items)
        {
            total += item.Share;
        }

        var x = _random.NextDouble() * total;
        foreach (var item in items)
        {
            x -= item.Share;
            if (x <= 0)
            {
                return item.Name;
            }
        }

        return items[^1].Name;
    }

    /// <summary>Builds an identity record from a generated row.</summary>
    public static Immunization.Matching.Linking.IdentityRecord ToRecord(string?[] row) =>
        Immunization.Matching.Linking.IdentityRecord.FromText(row[0]!, row[1], row[2], row[3], row[4], row[5], row[6], row[7], row[8], row[9]);
}
