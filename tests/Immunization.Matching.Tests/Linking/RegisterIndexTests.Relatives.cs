using Immunization.Matching.Comparators.Vietnamese;
using Immunization.Matching.Verification;

namespace Immunization.Matching.Tests.Linking;

public sealed partial class RegisterIndexTests
{
    [Fact]
    public void Link_RelativeWithAnotherGivenNameSameDateAndCommune_IsNotLinked()
    {
        // Nguyễn Thị Chi is not in the register; Nguyễn Thị Xuân, born the same day in the same commune, is. The whole-name
        // similarity called them "similar", so identity seemed to agree and the commune confirmed a wrong link.
        var people = new List<IdentityRecord>(s_blockingBase.Value)
        {
            Record("P-XUAN", null, "Nguyễn Thị Xuân", "1963-11-19", "F", "0912000111", "19774"),
        };
        var index = RegisterIndex.Build(people);

        var link = index.Link(Record("R-CHI", null, "Nguyễn Thị Chi", "1963-11-19", "F", "0912000111", "19774"));

        Assert.False(Linked(link), $"{link.Outcome} {link.PersonId} {link.Weight:0.0}");
        Assert.Equal("different", link.Explanation.Single(e => e.Field == "full_name").Level);
    }

    [Fact]
    public void Link_GivenNameTypoSameDateAndCommune_IsLinked()
    {
        var people = new List<IdentityRecord>(s_blockingBase.Value)
        {
            Record("P-XUAN", null, "Nguyễn Thị Xuân", "1963-11-19", "F", "0912000111", "19774"),
        };
        var index = RegisterIndex.Build(people);

        var link = index.Link(Record("R-XUAN", null, "Nguyễn Thị Xuâm", "1963-11-19", "F", "0912000111", "19774"));

        Assert.True(Linked(link), $"{link.Outcome} {link.Weight:0.0}");
        Assert.Equal("P-XUAN", link.PersonId);
        Assert.Equal("similar", link.Explanation.Single(e => e.Field == "full_name").Level);
    }
}
