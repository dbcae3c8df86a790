using System.CommandLine;
using Immunization.Core.Places;

namespace Immunization.Cli;

/// <summary>
/// <c>immunization units QUERY [--scheme old|new|both] [--in PROVINCE]</c>: looks administrative units up by code or by
/// name as people write it, and prints each with its mapping to the new scheme (or, for a new unit, the old units it
/// was formed from).
/// </summary>
internal static class UnitsLookupCommand
{
    public static Command Create()
    {
        var query = new Argument<string>("query")
        {
            Description = "A code (2 digits: province, 3: district, 5: commune) or a name (\"TP. Hồ Chí Minh\", \"Phường Ba Đình\").",
        };
        var scheme = new Option<string>("--scheme")
        {
            Description = "Which scheme to search: old (until 30 June 2025), new (from 1 July 2025) or both.",
            DefaultValueFactory = _ => "both",
        };
        scheme.AcceptOnlyFromAmong("old", "new", "both");
        var within = new Option<string?>("--in")
        {
            Description = "Search only within this province (a name or a code) or old district (a 3-digit code).",
        };

        var command = new Command("units", "Look administrative units up by code or name, with their old→new mapping.");
        command.Arguments.Add(query);
        command.Options.Add(scheme);
        command.Options.Add(within);
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var schemes = parse.GetValue(scheme) switch
            {
                "old" => new[] { AdministrativeScheme.Old },
                "new" => [AdministrativeScheme.New],
                _ => [AdministrativeScheme.Old, AdministrativeScheme.New],
            };
            var found = Lookup(parse.GetValue(query) ?? string.Empty, parse.GetValue(within), schemes);
            foreach (var unit in found)
            {
                Print(output, unit);
            }

            if (found.Count == 0)
            {
                parse.InvocationConfiguration.Error.WriteLine("No administrative unit matches.");
                return 1;
            }

            return 0;
        });
        return command;
    }

    private static List<AdministrativeUnit> Lookup(string query, string? within, AdministrativeScheme[] schemes)
    {
        var catalog = AdministrativeUnitCatalog.Vietnam;
        var found = new List<AdministrativeUnit>();
        foreach (var scheme in schemes)
        {
            if (catalog.TryGetByCode(scheme, query, out var byCode))
            {
                found.Add(byCode);
                continue;
            }

            AdministrativeUnit[] provinces;
            if (within is not null)
            {
                // A province (by code or name) or an old district (by code).
                if ((!catalog.TryGetByCode(scheme, within, out var province) || province.Level == AdministrativeLevel.Commune)
                    && !catalog.TryFindProvince(scheme, within, out province))
                {
                    continue;
                }

                provinces = [province];
            }
            else
            {
                if (catalog.TryFindProvince(scheme, query, out var province))
                {
                    found.Add(province);
                    continue;
                }

                provinces = catalog.GetUnits(scheme, AdministrativeLevel.Province).ToArray();
            }

            foreach (var province in provinces)
            {
                if (scheme == AdministrativeScheme.Old && province.Level == AdministrativeLevel.Province)
                {
                    found.AddRange(catalog.FindDistricts(province, query));
                }

                found.AddRange(catalog.FindCommunes(province, query));
            }
        }

        return found;
    }

    private static void Print(TextWriter output, AdministrativeUnit unit)
    {
        output.WriteLine($"{Describe(unit)} [{unit.Level.ToString().ToLowerInvariant()}{Parents(unit)}]");
        if (unit.Scheme == AdministrativeScheme.Old)
        {
            foreach (var share in unit.MapToNew())
            {
                output.WriteLine($"  → {Describe(share.Unit)} ({(share.IsPartial ? "part" : "whole")})");
            }
        }
        else
        {
            foreach (var share in AdministrativeUnitCatalog.Vietnam.MapToOld(unit))
            {
                output.WriteLine($"  ← {Describe(share.Unit)} ({(share.IsPartial ? "part" : "whole")})");
            }
        }
    }

    private static string Describe(AdministrativeUnit unit) => $"{unit.Scheme} {unit.Code} {unit.Name}";

    private static string Parents(AdministrativeUnit unit) => unit.Level switch
    {
        AdministrativeLevel.Province => string.Empty,
        _ when !unit.District.IsDefault => $"; {unit.District.Name}, {unit.Province.Name}",
        _ => $"; {unit.Province.Name}",
    };
}
