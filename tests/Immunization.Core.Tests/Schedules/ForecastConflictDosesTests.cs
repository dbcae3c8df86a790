using Immunization.Core.Schedules;

namespace Immunization.Core.Tests.Schedules;

/// <summary>
/// The target doses whose forecast a live-virus conflict can push back (<see cref="CdsiSupportingData.ForecastConflictDoses"/>),
/// found once when the data is loaded: the engine looks no further for any other dose.
/// </summary>
public sealed class ForecastConflictDosesTests
{
    private static readonly CdsiSupportingData s_data = CdsiSupportingData.Embedded;

    [Fact]
    public void ForecastConflictDoses_EveryTargetDose_InExactlyWhenEveryPreferableVaccineConflicts()
    {
        var currentCvx = s_data.LiveVirusConflicts.Select(conflict => conflict.CurrentCvx.Value).ToHashSet(StringComparer.Ordinal);
        var inSet = 0;
        foreach (var antigen in s_data.Antigens)
        {
            foreach (var series in antigen.Series)
            {
                foreach (var dose in series.Doses)
                {
                    var everyOneConflicts = dose.PreferableVaccines.Count > 0 && dose.PreferableVaccines.All(v => currentCvx.Contains(v.Cvx.Value));
                    Assert.Equal(everyOneConflicts, s_data.ForecastConflictDoses.Contains(dose));
                    inSet += everyOneConflicts ? 1 : 0;
                }
            }
        }

        // CDC's data has live-virus doses (MMR, varicella...) whose forecast a conflict can move, and the set holds only doses.
        Assert.InRange(inSet, 1, int.MaxValue);
        Assert.Equal(inSet, s_data.ForecastConflictDoses.Count);
    }
}
