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
    private const int Found = 0;
    private const int NothingFound = 1;
    private const int UsageError = CliApp.UsageError;

    public static Command Create()
    {
        var query = new Argument<string>("query")
        {
            Description = "A code (2 digits: province; 3: old district; 5: commune) or a name (\"TP. Hồ Chí Minh\", \"Phường Ba Đình\"). "
                + "A name matches every level: provinces first, then districts, then communes, old scheme before new, each "
                + "by code. A 3-digit code starting with 0 is also read as the province part of a CCCD number (\"0\" + the "
                + "old province code: 079 is Hồ Chí Minh) and both readings are printed (001: Quận Ba Đình, and Hà Nội). "
                + "With --in, a number is also a name there (10: Quận 10, Phường 10).",
        };
        var scheme = new Option<string>("--scheme")
        {
            Description = "Which scheme to search: old (until 30 June 2025), new (from 1 July 2025) or both.",
            DefaultValueFactory = _ => "both",
        };
        scheme.AcceptOnlyFromAmong("old", "new", "both");
        var within = new Option<string?>("--in")
        {
            Description = "Search only within this province (a name or a 2-digit code) or old district (a 3-digit code).",
        };

        var command = new Command(
            "units",
            "Look administrative units up by code or name, with their old→new mapping. "
            + "Exit codes: 0 found, 1 nothing found, 2 usage error (empty query, unknown --in, bad option).");
        command.Arguments.Add(query);
        command.Options.Add(scheme);
        command.Options.Add(within);
        command.SetAction(parse =>
        {
            var error = parse.InvocationConfiguration.Error;
            var text = FoldWidth(parse.GetValue(query) ?? string.Empty).Trim();
            if (text.Length == 0)
            {
                error.WriteLine("units: empty query: give a code (\"79\", \"760\", \"26734\") or a name (\"Phường Ba Đình\").");
                return UsageError;
            }

            if (!text.Any(char.IsLetterOrDigit))
            {
                // Only punctuation or symbols: no unit could match; a usage error as an empty query, not "not found".
                error.WriteLine("units: the query holds no letter or digit: give a code (\"79\", \"760\", \"26734\") or a name (\"Phường Ba Đình\").");
                return UsageError;
            }

            var schemes = parse.GetValue(scheme) switch
            {
                "old" => new[] { AdministrativeScheme.Old },
                "new" => [AdministrativeScheme.New],
                _ => [AdministrativeScheme.Old, AdministrativeScheme.New],
            };
            var withinText = parse.GetValue(within) is { } w ? FoldWidth(w) : null;
            var scopes = new AdministrativeUnit[schemes.Length];
            if (withinText is not null && !TryResolveWithin(withinText, schemes, scopes, out var problem))
            {
                error.WriteLine(problem);
                return UsageError;
            }

            var outside = new List<string>();
            var found = new List<Match>();
            var searched = false;
            for (var i = 0; i < schemes.Length; i++)
            {
                if (withinText is null || !scopes[i].IsDefault)
                {
                    Lookup(text, schemes[i], scopes[i], cccd: !searched, found, outside);
                    searched = true;
                }
            }

            var output = parse.InvocationConfiguration.Output;
            foreach (var match in found)
            {
                Print(output, match);
            }

            if (found.Count > 0)
            {
                return Found;
            }

            foreach (var line in outside)
            {
                error.WriteLine(line);
            }

            if (outside.Count == 0)
            {
                error.WriteLine("No administrative unit matches.");
            }

            return NothingFound;
        });
        return command;
    }

    /// <summary>Resolves <c>--in</c> in each scheme (default where it names nothing); fails when it names nothing in any.</summary>
    private static bool TryResolveWithin(string within, AdministrativeScheme[] schemes, AdministrativeUnit[] scopes, out string problem)
    {
        var catalog = AdministrativeUnitCatalog.Vietnam;
        var resolved = false;
        for (var i = 0; i < schemes.Length; i++)
        {
            if ((catalog.TryGetByCode(schemes[i], within, out var unit) && unit.Level != AdministrativeLevel.Commune)
                || catalog.TryFindProvince(schemes[i], within, out unit))
            {
                scopes[i] = unit;
                resolved = true;
            }
        }

        problem = $"units: --in '{Immunization.Cli.StandardFiles.CsvInput.Shown(within)}' is not a province or old district";
        if (resolved)
        {
            return true;
        }

        var newOnly = schemes is [AdministrativeScheme.New];
        if (newOnly && catalog.TryGetByCode(AdministrativeScheme.Old, within, out var old) && old.Level == AdministrativeLevel.District)
        {
            problem += $" of the new scheme: districts exist only in the old scheme ({Describe(old)}); use --scheme old.";
        }
        else if (newOnly
            && (catalog.TryFindProvince(AdministrativeScheme.Old, within, out old)
                || (catalog.TryGetByCode(AdministrativeScheme.Old, within, out old) && old.Level == AdministrativeLevel.Province)))
        {
            problem += $" of the new scheme: {Describe(old)} went into {Describe(old.ToNewProvince())}; "
                + "use --scheme old, or --in with the new province.";
        }
        else if (FindByCode(within, schemes) is { IsDefault: false } commune && commune.Level == AdministrativeLevel.Commune)
        {
            problem += $": it is a commune ({Describe(commune)}); give its province or old district.";
        }
        else
        {
            problem += " (give a province name such as \"Hà Nội\", a 2-digit province code, or a 3-digit old district code).";
        }

        return false;
    }

    private static AdministrativeUnit FindByCode(string code, AdministrativeScheme[] schemes)
    {
        foreach (var scheme in schemes)
        {
            if (AdministrativeUnitCatalog.Vietnam.TryGetByCode(scheme, code, out var unit))
            {
                return unit;
            }
        }

        return default;
    }

    /// <summary>Adds the units of one scheme that match <paramref name="query"/> (and lie in <paramref name="within"/>, unless default).</summary>
    /// <param name="cccd">Whether to read a 3-digit code starting with 0 as a CCCD province code (once, in the first scheme searched).</param>
    private static void Lookup(
        string query, AdministrativeScheme scheme, AdministrativeUnit within, bool cccd, List<Match> found, List<string> outside)
    {
        var catalog = AdministrativeUnitCatalog.Vietnam;
        if (IsCode(query))
        {
            if (catalog.TryGetByCode(scheme, query, out var byCode))
            {
                AddIfWithin(new Match(byCode, null), query, within, found, outside);
            }

            if (cccd && query.Length == 3 && query[0] == '0'
                && catalog.TryGetByCode(AdministrativeScheme.Old, query.AsSpan(1), out var cccdProvince))
            {
                // A CCCD number starts with "0" + the province code of the birth registration; numbers never change,
                // and those people carry were issued under the old codes.
                var note = $"CCCD province code {query}";
                var match = scheme == AdministrativeScheme.Old
                    ? new Match(cccdProvince, note)
                    : new Match(cccdProvince.ToNewProvince(), $"{note}: old {cccdProvince.Code} {cccdProvince.Name}");
                AddIfWithin(match, query, within, found, outside);
            }

            if (within.IsDefault)
            {
                return;
            }

            // Within a province, a number is also a name: "10" is Quận 10 and Phường 10 of Hồ Chí Minh.
        }

        var start = found.Count;
        if (within.IsDefault)
        {
            if (catalog.TryFindProvince(scheme, query, out var province))
            {
                found.Add(new Match(province, null));
            }

            foreach (var p in catalog.GetUnits(scheme, AdministrativeLevel.Province))
            {
                AddNamesWithin(p, query, found);
            }
        }
        else
        {
            AddNamesWithin(within, query, found);
        }

        // Provinces first, then districts, then communes; each by code.
        found.Sort(start, found.Count - start, Comparer<Match>.Create((a, b) =>
        {
            var c = a.Unit.Level.CompareTo(b.Unit.Level);
            return c != 0 ? c : string.CompareOrdinal(a.Unit.Code, b.Unit.Code);
        }));
    }

    private static void AddNamesWithin(AdministrativeUnit within, string query, List<Match> found)
    {
        var catalog = AdministrativeUnitCatalog.Vietnam;
        if (within.Scheme == AdministrativeScheme.Old && within.Level == AdministrativeLevel.Province)
        {
            foreach (var district in catalog.FindDistricts(within, query))
            {
                found.Add(new Match(district, null));
            }
        }

        foreach (var commune in catalog.FindCommunes(within, query))
        {
            found.Add(new Match(commune, null));
        }
    }

    private static void AddIfWithin(Match match, string query, AdministrativeUnit within, List<Match> found, List<string> outside)
    {
        var unit = match.Unit;
        if (within.IsDefault || unit == within || unit.Province == within || unit.District == within)
        {
            found.Add(match);
            return;
        }

        var where = unit.Level == AdministrativeLevel.Province ? string.Empty : $", {unit.Province.Name}";
        outside.Add($"{query} is not in {within.Name} ({unit.Scheme.ToString().ToLowerInvariant()} scheme): it is {unit.Name}{where}.");
    }

    /// <summary>
    /// Folds full-width forms (U+FF01–U+FF5E: <c>ＨÀ ＮỘＩ</c>, <c>７９</c>) to their ASCII letters, digits and signs and the
    /// ideographic space to a space, as NFKC does (the tool runs without ICU, so this is done by hand).
    /// </summary>
    internal static string FoldWidth(string text)
    {
        if (!text.Any(c => c is (>= '\uFF01' and <= '\uFF5E') or '\u3000'))
        {
            return text;
        }

        return string.Create(text.Length, text, (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = c switch
                {
                    >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
                    '\u3000' => ' ',
                    _ => c,
                };
            }
        });
    }

    private static bool IsCode(string query)
    {
        if (query.Length is not (2 or 3 or 5))
        {
            return false;
        }

        foreach (var c in query)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static void Print(TextWriter output, Match match)
    {
        var unit = match.Unit;
        var note = match.Note is null ? string.Empty : $"; {match.Note}";
        output.WriteLine($"{Describe(unit)} [{unit.Level.ToString().ToLowerInvariant()}{Parents(unit)}{note}]");
        var shares = unit.Scheme == AdministrativeScheme.Old ? unit.MapToNew() : AdministrativeUnitCatalog.Vietnam.MapToOld(unit);
        var arrow = unit.Scheme == AdministrativeScheme.Old ? "→" : "←";
        foreach (var share in shares)
        {
            output.WriteLine($"  {arrow} {Describe(share.Unit)} ({(share.IsPartial ? "part" : "whole")})");
        }
    }

    private static string Describe(AdministrativeUnit unit) => $"{unit.Scheme} {unit.Code} {unit.Name}";

    private static string Parents(AdministrativeUnit unit) => unit.Level switch
    {
        AdministrativeLevel.Province => string.Empty,
        _ when !unit.District.IsDefault => $"; {unit.District.Name}, {unit.Province.Name}",
        _ => $"; {unit.Province.Name}",
    };

    /// <summary>A unit to print, with how the query was read when that is not obvious.</summary>
    private readonly record struct Match(AdministrativeUnit Unit, string? Note);
}
