using System.Globalization;
using System.Reflection;
using Immunization.Core.Identity;
using NodaTime;

namespace Immunization.Testing.Synthetic;

/// <summary>
/// Viet Nam's population by sex and 5-year age group, from the United Nations' World Population Prospects 2019
/// (latest estimate year in the file, 2020; values at 1 July). Source: United Nations, DESA, Population Division.
/// World Population Prospects 2019. Licensed under CC BY 3.0 IGO. Embedded from <c>shared/datasets/vn-population/</c>.
/// </summary>
internal sealed class AgeStructure
{
    private const string ResourceName = "Immunization.Testing.Synthetic.vn_population_wpp2019_age5_sex.csv";

    private static readonly Lazy<AgeStructure> s_default = new(Load);

    private readonly Sex[] _sex;
    private readonly int[] _lowAge;
    private readonly WeightedTable _table;

    private AgeStructure(int year, List<(Sex Sex, int LowAge, string Group, double Thousands)> cells)
    {
        Year = year;
        ReferenceDate = new LocalDate(year, 7, 1);
        _sex = cells.Select(c => c.Sex).ToArray();
        _lowAge = cells.Select(c => c.LowAge).ToArray();
        Groups = cells.Select(c => (c.Sex, c.Group, c.LowAge)).ToArray();
        var weights = cells.Select(c => c.Thousands).ToArray();
        _table = new WeightedTable(weights);
        var total = weights.Sum();
        Shares = weights.Select(w => w / total).ToArray();
    }

    public static AgeStructure Default => s_default.Value;

    /// <summary>The estimate year used (the latest in the file).</summary>
    public int Year { get; }

    /// <summary>The date the population figures refer to (1 July of <see cref="Year"/>).</summary>
    public LocalDate ReferenceDate { get; }

    /// <summary>The cells: sex, age group label (<c>0-4</c> … <c>100+</c>) and lowest age.</summary>
    public IReadOnlyList<(Sex Sex, string Group, int LowAge)> Groups { get; }

    /// <summary>The share of the population in each cell of <see cref="Groups"/>.</summary>
    public IReadOnlyList<double> Shares { get; }

    /// <summary>Draws a sex and a date of birth: a cell by its share, an age in whole years within the group, a day within the year of age.</summary>
    public (Sex Sex, LocalDate DateOfBirth) Next(ref Xoshiro256StarStar rng)
    {
        var cell = _table.Next(ref rng);
        var age = _lowAge[cell] + rng.Next(5);
        var dateOfBirth = ReferenceDate.PlusYears(-age).PlusDays(-rng.Next(365));
        return (_sex[cell], dateOfBirth);
    }

    /// <summary>The index of the cell of a person of this sex and age in whole years at <see cref="ReferenceDate"/>.</summary>
    public int CellOf(Sex sex, int age)
    {
        var group = Math.Min(age / 5, 20);
        for (var i = 0; i < Groups.Count; i++)
        {
            if (Groups[i].Sex == sex && Groups[i].LowAge == group * 5)
            {
                return i;
            }
        }

        return -1;
    }

    private static AgeStructure Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource '{ResourceName}' is missing from Immunization.Testing.");
        using var reader = new StreamReader(stream);
        var rows = new List<(int Year, Sex Sex, int LowAge, string Group, double Thousands)>();
        _ = reader.ReadLine();
        var lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            var fields = line.Split(',');
            if (fields.Length != 5)
            {
                throw new InvalidDataException($"{ResourceName}, line {lineNumber}: expected 5 fields, found {fields.Length}.");
            }

            if (!string.Equals(fields[3], "estimate", StringComparison.Ordinal))
            {
                continue;
            }

            var sex = fields[1] switch
            {
                "male" => Sex.Male,
                "female" => Sex.Female,
                _ => throw new InvalidDataException($"{ResourceName}, line {lineNumber}: unknown sex."),
            };
            var group = fields[2];
            var low = int.Parse(group.AsSpan(0, group.IndexOfAny(['-', '+'])), CultureInfo.InvariantCulture);
            rows.Add((int.Parse(fields[0], CultureInfo.InvariantCulture), sex, low, group,
                double.Parse(fields[4], CultureInfo.InvariantCulture)));
        }

        var year = rows.Max(r => r.Year);
        var cells = rows.Where(r => r.Year == year)
            .OrderBy(r => r.Sex).ThenBy(r => r.LowAge)
            .Select(r => (r.Sex, r.LowAge, r.Group, r.Thousands))
            .ToList();
        return new AgeStructure(year, cells);
    }
}
