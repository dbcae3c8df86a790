using Immunization.Core.Records;
using Immunization.Matching.Comparators.Vietnamese;

namespace Immunization.Matching.Verification;

/// <summary>
/// The lookalike prior (issue 14): a record is not linked to a person on evidence that many people share. The register
/// counts, once, how many of its people hold each folded full name, birth year and sex (<see cref="LookalikeTable"/>).
/// </summary>
public sealed partial class RegisterIndex
{
    /// <summary>
    /// Gets the number of register people sharing the folded full name, birth year and sex of person <paramref name="index"/>
    /// (1 when alone); for a shard's index, counted over the whole register.
    /// </summary>
    internal int LookalikesOf(int index)
    {
        ref readonly var k = ref _keys[index];
        return k.Name < 0 || k.DateOfBirth == 0 ? 1 : _lookalikes.Count(LookalikeTable.KeyOf(_tokens.Name(k.Name), k.DateOfBirth >> 9, k.Sex));
    }

    /// <summary>
    /// The lead, in bits, of the best candidate over everyone else who could have produced the record: the runner-up, and
    /// the people outside the register who share the record's folded name, birth year and sex. Their expected number is
    /// <see cref="RegisterMatchOptions.UnregisteredShare"/> times the lookalikes the register holds for that evidence; each
    /// agrees with the record on the name, year and sex (the key's weight) and, being a stranger to the register, on nothing
    /// else. The lead is <see cref="double.PositiveInfinity"/> when the best candidate does not share the record's name and
    /// birth year (the prior then does not apply) or the share is zero.
    /// </summary>
    /// <remarks>
    /// The posterior odds of the best candidate b are 2^W_b / (2^W_runner-up + ρ·L·2^K), with L the register people holding
    /// the record's name + year + sex (b among them) and K the weight of agreeing on that key: a record whose evidence goes no
    /// further than its name and birth year is not linked, however rare the name, while a matching full date, identity
    /// number, phone or commune lifts it above the lookalikes.
    /// </remarks>
    private double LookalikeLead(in IdentityKey q, int best, ReadOnlySpan<int> levels, double bestWeight, double runnerUp)
    {
        ref readonly var p = ref _keys[best];
        var dateLevel = levels[(int)IdentityField.DateOfBirth];
        if (_options.UnregisteredShare <= 0 || levels[(int)IdentityField.FullName] != IdentityLevels.NameExact || p.Name < 0
            || dateLevel is not (IdentityLevels.DateExact or IdentityLevels.DateCompatible)
            || q.DateOfBirth == 0 || p.DateOfBirth == 0 || (q.DateOfBirth >> 9) != (p.DateOfBirth >> 9)
            || (q.Sex != 0 && p.Sex != 0 && q.Sex != p.Sex))
        {
            return double.PositiveInfinity;
        }

        var year = p.DateOfBirth >> 9;
        var nameHash = LookalikeTable.NameHash(_tokens.Name(p.Name));
        var lookalikes = 0;
        for (byte sex = 0; sex <= 2; sex++)
        {
            // A record without sex could be either; register people without sex could be the record's. The best candidate's
            // own group holds at least the best candidate; another group absent from the table holds at most one person.
            if (q.Sex == 0 || sex == 0 || sex == q.Sex)
            {
                var key = LookalikeTable.KeyOf(nameHash, year, sex);
                lookalikes += sex == p.Sex ? _lookalikes.Count(key) : _lookalikes.GroupSize(key);
            }
        }

        var keyWeight = _nameExactWeights[p.Name] + _yearWeight + (q.Sex != 0 && p.Sex != 0 ? _weights[(int)IdentityField.Sex][0] : 0);
        var unseen = Math.Log2(_options.UnregisteredShare * Math.Max(lookalikes, 1)) + keyWeight;
        var others = double.IsNaN(runnerUp) || runnerUp < _options.ReviewWeight ? unseen : LogSum2(unseen, runnerUp);
        return bestWeight - others;
    }

    /// <summary>log2(2^a + 2^b) without overflow.</summary>
    private static double LogSum2(double a, double b)
    {
        var max = Math.Max(a, b);
        return max + Math.Log2(1 + Math.Pow(2, Math.Min(a, b) - max));
    }

    /// <summary>Counts the people of every folded name, birth year and sex of the register.</summary>
    private static LookalikeTable BuildLookalikes(IdentityKey[] keys, string[] nameTexts)
    {
        var nameHashes = new ulong[nameTexts.Length];
        for (var v = 0; v < nameTexts.Length; v++)
        {
            nameHashes[v] = LookalikeTable.NameHash(nameTexts[v]);
        }

        var lookalikeKeys = new long[keys.Length];
        var n = 0;
        foreach (ref readonly var k in keys.AsSpan())
        {
            if (k.Name >= 0 && k.DateOfBirth != 0)
            {
                lookalikeKeys[n++] = LookalikeTable.KeyOf(nameHashes[k.Name], k.DateOfBirth >> 9, k.Sex);
            }
        }

        Array.Resize(ref lookalikeKeys, n);
        return LookalikeTable.Build(lookalikeKeys);
    }

    /// <summary>The whole register's lookalike groups that the people at <paramref name="persons"/> could be asked about.</summary>
    private LookalikeTable LookalikesFor(IReadOnlyList<int> persons)
    {
        var keys = new List<long>();
        foreach (var i in persons)
        {
            ref readonly var k = ref _keys[i];
            if (k.Name >= 0 && k.DateOfBirth != 0)
            {
                // Every sex: a record without sex asks for the groups of both sexes of its best candidate's name and year.
                var nameHash = LookalikeTable.NameHash(_tokens.Name(k.Name));
                for (byte sex = 0; sex <= 2; sex++)
                {
                    keys.Add(LookalikeTable.KeyOf(nameHash, k.DateOfBirth >> 9, sex));
                }
            }
        }

        return _lookalikes.Subset(keys);
    }
}
