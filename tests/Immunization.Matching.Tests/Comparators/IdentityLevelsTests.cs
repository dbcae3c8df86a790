using Immunization.Core.Records;
using Immunization.Matching.Comparators.Vietnamese;

namespace Immunization.Matching.Tests.Comparators;

public sealed class IdentityLevelsTests
{
    [Fact]
    public void DifferenceKinds_EveryLevelAboveExact_IsNamedAsItsLabel()
    {
        // explanations.csv writes Labels, links.csv writes the difference kinds' names: one level must read alike in both.
        var checkedLevels = 0;
        for (var field = 0; field < IdentityLevels.DifferenceKinds.Length; field++)
        {
            Assert.Equal(IdentityLevels.Labels[field].Length, IdentityLevels.DifferenceKinds[field].Length);
            for (var level = 1; level < IdentityLevels.Labels[field].Length; level++)
            {
                Assert.Equal(IdentityLevels.Labels[field][level], VerificationNames.Name(IdentityLevels.DifferenceKinds[field][level]));
                checkedLevels++;
            }
        }

        Assert.Equal(14, checkedLevels);
    }

    [Fact]
    public void FieldNames_EveryField_IsItsNameInFiles()
    {
        Assert.Equal(["citizen_id", "full_name", "date_of_birth", "sex", "phone", "residence"], IdentityLevels.FieldNames);
    }
}
