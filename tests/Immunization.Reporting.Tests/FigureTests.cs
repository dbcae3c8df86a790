using Immunization.Reporting.Coverage;

namespace Immunization.Reporting.Tests;

public sealed class FigureTests
{
    [Fact]
    public void Proportion_GiaLaiAdultsWithOneDose_Is7044Percent()
    {
        // Seed: Gia Lai, 673,852 of 956,614 citizens aged 18+ with at least one dose.
        var figure = Figure.Proportion(673_852, 956_614);

        Assert.Equal(70.44, Math.Round(figure.Value!.Value, 2));
        Assert.Equal(FigureFlags.None, figure.Flags);
    }

    [Fact]
    public void Proportion_NumeratorOverDenominator_FlaggedNotClipped()
    {
        var figure = Figure.Proportion(120, 100);

        Assert.Equal(120.0, figure.Value);
        Assert.Equal(FigureFlags.OverOneHundredPercent, figure.Flags);
    }

    [Fact]
    public void Proportion_ZeroDenominator_NoValueAndFlagged()
    {
        var figure = Figure.Proportion(0, 0);

        Assert.Null(figure.Value);
        Assert.Equal(FigureFlags.NoDenominator, figure.Flags);
    }

    [Fact]
    public void Count_Negative_Flagged()
    {
        var figure = Figure.Count(-5);

        Assert.Equal(-5.0, figure.Value);
        Assert.Null(figure.Denominator);
        Assert.Equal(FigureFlags.Negative, figure.Flags);
    }
}
