using FsCheck;
using FsCheck.Fluent;
using Immunization.Matching.Tests.Support;
using Immunization.Matching.Verification;

namespace Immunization.Matching.Tests.Linking;

public sealed class TokenTableTests
{
    // Tokens as IdentityKeys interns them: syllables numbered as they come, full names under the prefix \u0001 numbered
    // in their own id space.
    [FsCheck.Xunit.Property]
    public Property TryGetValueAndName_AnyTokens_FindEachWithItsIdAndNothingElse() =>
        Prop.ForAll(Gen.ArrayOf(Generators.Word("abcđê ", 12)).ToArbitrary(), Generators.AnyText, (texts, probe) =>
        {
            var tokens = new Dictionary<string, int>(StringComparer.Ordinal);
            var names = new List<string>();
            foreach (var text in texts)
            {
                if (text.Contains(' ', StringComparison.Ordinal))
                {
                    if (tokens.TryAdd("\u0001" + text, names.Count))
                    {
                        names.Add(text);
                    }
                }
                else
                {
                    tokens.TryAdd(text, tokens.Count);
                }
            }

            var table = new TokenTable(tokens);
            var found = table.TryGetValue(probe, out var probeId);
            return table.Count == tokens.Count && table.NameCount == names.Count
                && tokens.All(t => table.TryGetValue(t.Key, out var id) && id == t.Value)
                && names.Select((n, i) => table.Name(i).SequenceEqual(n)).All(x => x)
                && found == tokens.ContainsKey(probe) && (!found || probeId == tokens[probe]);
        });

    [Fact]
    public void Constructor_FullNameIdsWithAGap_IsRefused()
    {
        var tokens = new Dictionary<string, int>(StringComparer.Ordinal) { ["\u0001an"] = 0, ["\u0001binh"] = 2, ["an"] = 2 };

        Assert.Throws<ArgumentException>(() => new TokenTable(tokens));
    }

    // Enough entries for long probe runs in the slots (the table is 3/4 full): every text found with its id after the others
    // of its run, every absent text (a prefix of a present one, the same length, or a longer one) not found.
    [Fact]
    public void TryGetValue_ManyTokens_FindsEachAndNoAbsentText()
    {
        var tokens = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < 60_000; i++)
        {
            tokens.Add("t" + i.ToString("x", System.Globalization.CultureInfo.InvariantCulture), i);
        }

        var table = new TokenTable(tokens);

        Assert.All(tokens, t => Assert.True(table.TryGetValue(t.Key, out var id) && id == t.Value));
        for (var i = 0; i < 60_000; i++)
        {
            var hex = i.ToString("x", System.Globalization.CultureInfo.InvariantCulture);
            Assert.False(table.TryGetValue("u" + hex, out _));
            Assert.False(table.TryGetValue("t" + hex + "z", out _));
        }

        Assert.False(table.TryGetValue("", out _));
    }
}
