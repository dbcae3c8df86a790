using Immunization.Core.Identity;
using Immunization.Testing.Synthetic;

namespace Immunization.Testing.Tests.Synthetic;

public sealed class IdentityNumbersTests
{
    [Fact]
    public void NextCccd_EverySerialOfOneBucket_ParsesAndNeverRepeats()
    {
        // One (province, sex, year) bucket holds 999,999 serials; serial 000000 is a placeholder Core refuses.
        var numbers = new IdentityNumbers(seed: 2, provinceCount: 63);
        var seen = new HashSet<string>(StringComparer.Ordinal);

        for (var i = 0; i < 999_999; i++)
        {
            var text = numbers.NextCccd(provinceIndex: 0, provinceCode: 1, Sex.Female, birthYear: 1990);
            Assert.True(CitizenId.TryParse(text, out var id), $"serial #{i} does not parse");
            Assert.Equal(1990, id.BirthYear);
            Assert.True(seen.Add(text), $"serial #{i} repeats");
        }

        Assert.Throws<InvalidOperationException>(() => numbers.NextCccd(0, 1, Sex.Female, 1990));
    }

    [Fact]
    public void NextCmnd_ManyNumbers_AllParseAsCmnd()
    {
        var numbers = new IdentityNumbers(seed: 7, provinceCount: 63);

        for (var i = 0; i < 100_000; i++)
        {
            Assert.True(CitizenId.TryParse(numbers.NextCmnd(), out var id));
            Assert.Equal(CitizenIdKind.Cmnd, id.Kind);
        }
    }
}
