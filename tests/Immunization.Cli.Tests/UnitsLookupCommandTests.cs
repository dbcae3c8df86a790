using Immunization.Cli;

namespace Immunization.Cli.Tests;

public sealed class UnitsLookupCommandTests
{
    private static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = CliApp.Run(args, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }

    [Fact]
    public void Units_OldProvinceCode_PrintsItAndItsNewProvince()
    {
        var (exitCode, output, _) = Run("units", "02", "--scheme", "old");

        Assert.Equal(0, exitCode);
        Assert.Contains("Old 02 Tỉnh Hà Giang [province]", output, StringComparison.Ordinal);
        Assert.Contains("→ New 08 Tỉnh Tuyên Quang (whole)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Units_ProvinceNameInBothSchemes_PrintsBoth()
    {
        var (exitCode, output, _) = Run("units", "tp hcm");

        Assert.Equal(0, exitCode);
        Assert.Contains("Old 79 Thành phố Hồ Chí Minh", output, StringComparison.Ordinal);
        Assert.Contains("New 79 Thành phố Hồ Chí Minh", output, StringComparison.Ordinal);
        Assert.Contains("← Old 77 Tỉnh Bà Rịa - Vũng Tàu (whole)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Units_SplitCommuneInProvince_PrintsBothNewWards()
    {
        var (exitCode, output, _) = Run("units", "Phường Cống Vị", "--in", "Hà Nội", "--scheme", "old");

        Assert.Equal(0, exitCode);
        Assert.Contains("Old 00007 Phường Cống Vị [commune; Quận Ba Đình, Thành phố Hà Nội]", output, StringComparison.Ordinal);
        Assert.Contains("→ New 00008 Phường Ngọc Hà (part)", output, StringComparison.Ordinal);
        Assert.Contains("→ New 00025 Phường Giảng Võ (part)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Units_WithinOldDistrictCode_SearchesItsCommunes()
    {
        var (exitCode, output, _) = Run("units", "Cong Vi", "--in", "001", "--scheme", "old");

        Assert.Equal(0, exitCode);
        Assert.StartsWith("Old 00007 Phường Cống Vị [commune; Quận Ba Đình, Thành phố Hà Nội]", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Units_NothingMatches_ExitsWithOneAndSaysSo()
    {
        var (exitCode, output, error) = Run("units", "Atlantis");

        Assert.Equal(1, exitCode);
        Assert.Equal(string.Empty, output);
        Assert.Contains("No administrative unit matches", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Units_UnknownScheme_FailsParsing()
    {
        var (exitCode, _, error) = Run("units", "01", "--scheme", "2030");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("2030", error, StringComparison.Ordinal);
    }
}
