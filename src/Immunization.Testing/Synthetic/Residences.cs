using System.Reflection;

namespace Immunization.Testing.Synthetic;

/// <summary>Builds the <see cref="ResidenceCatalog"/> the generator uses.</summary>
internal static class Residences
{
    private static readonly Lazy<ResidenceCatalog> s_default = new(Load);

    public static ResidenceCatalog Default => s_default.Value;

    private static ResidenceCatalog Load()
    {
        var provincesNew = Rows("provinces_new.csv").ToDictionary(r => int.Parse(r[0], System.Globalization.CultureInfo.InvariantCulture), r => r[1]);
        var provincesOld = Rows("provinces_old.csv")
            .Select(r => (Code: int.Parse(r[0], System.Globalization.CultureInfo.InvariantCulture), Name: r[1])).ToList();
        var oldNames = provincesOld.ToDictionary(p => p.Code, p => p.Name);
        var communesOld = Rows("communes_old.csv").ToDictionary(r => r[0], r => (Name: r[1], District: r[4],
            Province: int.Parse(r[5], System.Globalization.CultureInfo.InvariantCulture)));
        var communes = Rows("communes_new.csv").Select(r =>
        {
            var province = int.Parse(r[4], System.Globalization.CultureInfo.InvariantCulture);
            return new NewCommune(r[0], r[1], r[3] == "Phường", r[3] == "Đặc khu", province, provincesNew[province]);
        }).ToList();
        var index = communes.Select((c, i) => (c.Code, i)).ToDictionary(x => x.Code, x => x.i);
        var olds = communes.Select(_ => new List<OldCommune>()).ToList();
        foreach (var r in Rows("commune_old_to_new.csv"))
        {
            if (r[2] != "commune" || !communesOld.TryGetValue(r[0], out var old) || !index.TryGetValue(r[4], out var i))
            {
                continue;
            }

            olds[i].Add(new OldCommune(r[0], old.Name, old.District, old.Province, oldNames[old.Province]));
        }

        return new ResidenceCatalog(communes, olds, provincesOld);
    }

    private static IEnumerable<string[]> Rows(string file)
    {
        var name = "Immunization.Testing.Synthetic." + file;
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded resource '{name}' is missing.");
        using var reader = new StreamReader(stream);
        _ = reader.ReadLine();
        while (reader.ReadLine() is { Length: > 0 } line)
        {
            yield return line.Split(',');
        }
    }
}
