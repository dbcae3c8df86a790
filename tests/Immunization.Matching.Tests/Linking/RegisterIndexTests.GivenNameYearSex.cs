using Immunization.Benchmarks.Matching;
using Immunization.Matching.Comparators.Vietnamese;
using Immunization.Matching.Verification;

namespace Immunization.Matching.Tests.Linking;

public sealed partial class RegisterIndexTests
{
    private static readonly Lazy<List<IdentityRecord>> s_blockingBase = new(() =>
        [.. new SyntheticIdentities(seed: 11).People(2_000).Select(SyntheticIdentities.ToRecord)]);

    [Fact]
    public void Candidates_FamilyNameTypoWithYearOnlyDate_FindsThePersonByGivenNameYearAndSex()
    {
        var people = new List<IdentityRecord>(s_blockingBase.Value)
        {
            Record("P-QUYET", "038062012345", "Phạm Văn Quyết", "1962-03-14", "M", null, "19774"),
        };
        var index = RegisterIndex.Build(people);
        // Family name mistyped, birth date known to the year only, no number, no phone, another commune: every other
        // name key (family + given + year, syllables + year, given + commune, the full-date keys) is broken.
        var record = Record("R-QUYET", null, "Phạn Văn Quyết", "1962", "M", null, "00004");

        Assert.True(index.IsCandidate(record, "P-QUYET"));
        // Not through the sex-less keys: a woman with the same typo and year is not a candidate through this key.
        Assert.False(index.IsCandidate(Record("R-QUYET-F", null, "Phạn Văn Quyết", "1962", "F", null, "00004"), "P-QUYET"));
    }

    [Fact]
    public void Candidates_GivenNameYearSexBlockLargerThanTheCap_IsSkippedAndCounted()
    {
        var people = new List<IdentityRecord>(s_blockingBase.Value)
        {
            Record("P-QUYET", "038062012345", "Phạm Văn Quyết", "1962-03-14", "M", null, "19774"),
            Record("P-QUYET-2", null, "Lê Văn Quyết", "1962-09-01", "M", null, "00004"),
        };
        var index = RegisterIndex.Build(people, new RegisterMatchOptions { MaxBlockSize = 1 });
        var record = Record("R-QUYET", null, "Phạn Văn Quyết", "1962", "M", null, "00007");

        Assert.False(index.IsCandidate(record, "P-QUYET"));
        Assert.True(index.Link(record).SkippedBlocks >= 1);
    }
}
