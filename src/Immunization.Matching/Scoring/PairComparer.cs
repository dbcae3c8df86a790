using System.Runtime.CompilerServices;
using Immunization.Matching.Configuration;
using Immunization.Matching.Comparators;
using Immunization.Matching.Comparators.Vietnamese;

namespace Immunization.Matching.Scoring;

/// <summary>
/// Compares two records field by field and returns their comparison pattern: the level of each field packed 4 bits per
/// field into a <see cref="ulong"/> (0 = missing, otherwise level + 1).
/// </summary>
/// <remarks>
/// The hot loop of the engine. Everything it reads is a flat array prepared once (levels, tests, parameters, value ids,
/// parsed dates); identical values (the same interned id) take the first level without any string work; a similarity or
/// distance is computed at most once per field however many levels test it. Nothing is allocated.
/// </remarks>
internal sealed class PairComparer
{
    private readonly int _fieldCount;
    private readonly int[] _levelOffset;
    private readonly int[] _levelCount;
    private readonly LevelKind[] _kinds;
    private readonly double[] _parameters;
    private readonly int[] _maxEdits;
    private readonly FieldData[] _fields;
    private readonly int[][] _left;
    private readonly int[][] _right;
    private readonly int[] _codes;
    private readonly LevelKind[] _families;
    private readonly IdentityKey[][] _keys;
    private readonly string[][] _folded;

    public PairComparer(MatchPlan plan, FieldData[] fields, int leftTable, int rightTable)
    {
        _fieldCount = fields.Length;
        _levelOffset = plan.LevelOffset;
        _levelCount = plan.LevelCount;
        _kinds = plan.Kinds;
        _parameters = plan.Parameters;
        _fields = fields;
        _left = new int[_fieldCount][];
        _right = new int[_fieldCount][];
        _maxEdits = new int[_fieldCount];
        _codes = plan.Codes;
        _families = plan.Families;
        _keys = new IdentityKey[_fieldCount][];
        _folded = new string[_fieldCount][];
        for (var f = 0; f < _fieldCount; f++)
        {
            _left[f] = fields[f].Ids[leftTable];
            _right[f] = fields[f].Ids[rightTable];
            _folded[f] = [];
            _keys[f] = _families[f] == LevelKind.Exact ? [] : VietnameseFieldKeys.Build(_families[f], fields[f].Values, out _folded[f],
                citizenIdConsistency: ChecksConsistency(plan, f));
            for (var l = 0; l < _levelCount[f] - 1; l++)
            {
                if (_kinds[_levelOffset[f] + l] == LevelKind.DamerauLevenshtein)
                {
                    _maxEdits[f] = Math.Max(_maxEdits[f], (int)_parameters[_levelOffset[f] + l]);
                }
            }
        }
    }

    public int FieldCount => _fieldCount;

    /// <summary>Whether field <paramref name="f"/> has a <c>citizenId.consistent</c> level (its keys then carry what the check reads).</summary>
    private static bool ChecksConsistency(MatchPlan plan, int f)
    {
        for (var l = plan.LevelOffset[f]; l < plan.LevelOffset[f] + plan.LevelCount[f] - 1; l++)
        {
            if (plan.Kinds[l] == LevelKind.CitizenId && plan.Codes[l] == IdentityLevels.CitizenIdConsistent)
            {
                return true;
            }
        }

        return false;
    }

    public int[][] Left => _left;

    public int[][] Right => _right;

    /// <summary>Returns the packed comparison pattern of left record <paramref name="i"/> and right record <paramref name="j"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public ulong Pattern(int i, int j)
    {
        ulong pattern = 0;
        for (var f = 0; f < _fieldCount; f++)
        {
            var level = Level(f, _left[f][i], _right[f][j]);
            pattern |= (ulong)(uint)(level + 1) << (f * 4);
        }

        return pattern;
    }

    /// <summary>Returns the level of field <paramref name="f"/> for two value ids, or -1 when either is missing.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Level(int f, int a, int b)
    {
        if (a < 0 || b < 0)
        {
            return -1;
        }

        var family = _families[f];
        if (family != LevelKind.Exact)
        {
            return VietnameseLevel(f, family, a, b);
        }

        if (a == b)
        {
            return 0;
        }

        var field = _fields[f];
        var offset = _levelOffset[f];
        var tested = _levelCount[f] - 1;
        var jaroWinkler = -1.0;
        var edits = -1;
        for (var l = 0; l < tested; l++)
        {
            var p = _parameters[offset + l];
            bool pass;
            switch (_kinds[offset + l])
            {
                case LevelKind.Exact:
                    // Interned after normalisation: different ids are different values.
                    pass = false;
                    break;
                case LevelKind.JaroWinkler:
                    if (jaroWinkler < 0)
                    {
                        jaroWinkler = JaroWinkler.Similarity(field.Values[a], field.Values[b]);
                    }

                    pass = jaroWinkler >= p;
                    break;
                case LevelKind.DamerauLevenshtein:
                    if (edits < 0)
                    {
                        edits = DamerauLevenshtein.Distance(field.Values[a], field.Values[b], _maxEdits[f]);
                    }

                    pass = edits <= p;
                    break;
                case LevelKind.NumericDifference:
                    var x = field.Numbers[a];
                    var y = field.Numbers[b];
                    pass = Math.Abs(x - y) <= p; // false when either is NaN
                    break;
                default:
                    pass = DateLevel(_kinds[offset + l], field.Dates[a], field.Dates[b], p);
                    break;
            }

            if (pass)
            {
                return l;
            }
        }

        return tested;
    }

    /// <summary>
    /// The level of a field compared by a Vietnamese comparator: its own level is computed once on the keys, then each
    /// configured level accepts it when it is that level or a stricter one (a name's 'similar' and 'givenOnly' levels test
    /// the similarity and the given name themselves, as only they need it).
    /// </summary>
    private int VietnameseLevel(int f, LevelKind family, int a, int b)
    {
        var keys = _keys[f];
        ref readonly var ka = ref keys[a];
        ref readonly var kb = ref keys[b];
        if (VietnameseFieldKeys.IsMissing(family, ka) || VietnameseFieldKeys.IsMissing(family, kb))
        {
            return -1;
        }

        // A residence known only to its province agrees with itself on the province, not the commune.
        var own = a == b && family != LevelKind.AdminUnit ? 0 : VietnameseFieldKeys.Level(family, ka, kb);
        if (own == -1)
        {
            return -1;
        }

        var offset = _levelOffset[f];
        var tested = _levelCount[f] - 1;
        var jaroWinkler = -1.0;
        for (var l = 0; l < tested; l++)
        {
            if (_kinds[offset + l] == LevelKind.Exact)
            {
                if (a == b)
                {
                    return l;
                }

                continue;
            }

            var code = _codes[offset + l];
            bool pass;
            if (own != IdentityComparison.NeedsSimilarity)
            {
                pass = VietnameseFieldKeys.Accepts(family, own, code, ka, kb);
            }
            else if (code == IdentityLevels.NameSimilar)
            {
                if (jaroWinkler < 0)
                {
                    // The same "similar" as the register matcher's: the given names one typo apart at most, then the
                    // whole names' Jaro-Winkler (a given name with nothing in common is never similar: 0).
                    jaroWinkler = IdentityComparison.GivenNamesClose(_folded[f][a], _folded[f][b])
                        ? JaroWinkler.Similarity(_folded[f][a], _folded[f][b])
                        : 0;
                }

                pass = jaroWinkler >= _parameters[offset + l];
            }
            else
            {
                pass = code == IdentityLevels.NameGivenOnly && ka.Given >= 0 && ka.Given == kb.Given;
            }

            if (pass)
            {
                return l;
            }
        }

        return tested;
    }

    private static bool DateLevel(LevelKind kind, int a, int b, double parameter)
    {
        if (a == DateKey.Invalid || b == DateKey.Invalid)
        {
            return false;
        }

        switch (kind)
        {
            case LevelKind.DateDifference:
                var da = DateKey.DayNumber(a);
                var db = DateKey.DayNumber(b);
                return da >= 0 && db >= 0 && Math.Abs(da - db) <= parameter;
            case LevelKind.DayMonthSwapped:
                return DateKey.Year(a) == DateKey.Year(b) && DateKey.Month(a) == DateKey.Day(b) && DateKey.Day(a) == DateKey.Month(b)
                    && DateKey.Month(a) != 0 && DateKey.Day(a) != 0;
            case LevelKind.SameYearMonth:
                return DateKey.Year(a) == DateKey.Year(b) && DateKey.Month(a) == DateKey.Month(b) && DateKey.Month(a) != 0;
            case LevelKind.YearDifference:
                return Math.Abs(DateKey.Year(a) - DateKey.Year(b)) <= parameter;
            default:
                return false;
        }
    }
}
