using Immunization.Core.Schedules;
using Immunization.Core.Vaccines;

namespace Immunization.Core.Tests.Schedules;

/// <summary>The schedule model's vaccine codes are <see cref="VaccineCode"/> values, read once and never empty.</summary>
public sealed class ScheduleVaccineCodeTests
{
    private static readonly VaccineCode s_mmr = VaccineCode.Parse("03");

    [Fact]
    public void Embedded_EveryVaccineCode_IsNormalisedAndNotEmpty()
    {
        var data = CdsiSupportingData.Embedded;
        var codes = new List<VaccineCode>();
        foreach (var antigen in data.Antigens)
        {
            codes.AddRange(antigen.GroupContraindications.Concat(antigen.VaccineContraindications).SelectMany(c => c.Cvx));
            foreach (var dose in antigen.Series.SelectMany(s => s.Doses))
            {
                codes.AddRange(dose.PreferableVaccines.Concat(dose.AllowableVaccines).Select(v => v.Cvx));
                codes.AddRange(dose.InadvertentCvx);
                codes.AddRange(dose.PreferableIntervals.Concat(dose.AllowableIntervals).SelectMany(i => i.FromMostRecent));
                codes.AddRange(dose.ConditionalSkips.SelectMany(k => k.Sets).SelectMany(s => s.Conditions).SelectMany(c => c.VaccineTypes));
            }
        }

        codes.AddRange(data.CvxCodes.Select(c => c.Cvx));
        codes.AddRange(data.LiveVirusConflicts.SelectMany(c => new[] { c.PreviousCvx, c.CurrentCvx }));

        Assert.True(codes.Count > 1_000, $"only {codes.Count} codes");
        Assert.All(codes, c =>
        {
            Assert.False(c.IsEmpty);
            Assert.Equal(VaccineCode.Parse(c.Value), c);
            Assert.True(c.Value.Length == 1 || c.Value[0] != '0', c.Value);
        });
    }

    [Fact]
    public void Embedded_MmrByAnyWriting_SameMapping()
    {
        var data = CdsiSupportingData.Embedded;

        Assert.Equal(s_mmr, data.CvxCodes["003"].Cvx);
        Assert.Contains(data.LiveVirusConflicts, c => c.PreviousCvx == s_mmr);
    }

    [Fact]
    public void SeriesVaccine_EmptyCode_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => new SeriesVaccine("MMR", default, null, null, null, null, true, default));

        Assert.Equal("cvx", e.ParamName);
    }

    [Fact]
    public void CvxMapping_EmptyCode_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => new CvxMapping(default, "MMR", []));

        Assert.Equal("cvx", e.ParamName);
    }

    [Fact]
    public void LiveVirusConflict_EmptyCurrentCode_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => new LiveVirusConflict(s_mmr, default, default, default, default));

        Assert.Equal("currentCvx", e.ParamName);
    }

    [Fact]
    public void Contraindication_EmptyCodeInList_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => new Contraindication("080", "text", null, null, [s_mmr, default]));

        Assert.Equal("cvx", e.ParamName);
    }

    [Fact]
    public void SkipCondition_EmptyCodeInList_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() =>
            new SkipCondition(SkipConditionType.VaccineCountByAge, null, null, null, null, null, 1, false, DoseCountLogic.GreaterThan, [default], []));

        Assert.Equal("vaccineTypes", e.ParamName);
    }

    [Fact]
    public void IntervalRule_EmptyCodeInList_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => new IntervalRule(false, null, [default], null, null, null, null, null, false, default));

        Assert.Equal("fromMostRecent", e.ParamName);
    }

    [Fact]
    public void SeriesVaccine_Code_Kept()
    {
        var vaccine = new SeriesVaccine("MMR", s_mmr, null, null, null, null, true, default);

        Assert.Equal("3", vaccine.Cvx.Value);
    }
}
