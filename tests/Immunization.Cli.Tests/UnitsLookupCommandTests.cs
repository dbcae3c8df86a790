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
    public void Units_UnknownScheme_IsAUsageError()
    {
        var (exitCode, _, error) = Run("units", "01", "--scheme", "2030");

        Assert.Equal(2, exitCode);
        Assert.Contains("2030", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("both")]
    [InlineData("old")]
    public void Units_CodeOutsideIn_ExitsWithOneAndSaysWhereItIs(string scheme)
    {
        var (exitCode, output, error) = Run("units", "00007", "--in", "Hồ Chí Minh", "--scheme", scheme);

        Assert.Equal(1, exitCode);
        Assert.Equal(string.Empty, output);
        Assert.Contains("00007 is not in Thành phố Hồ Chí Minh", error, StringComparison.Ordinal);
        Assert.Contains("Phường Cống Vị, Thành phố Hà Nội", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Hà Nội")]
    [InlineData("01")]
    [InlineData("001")]
    public void Units_CodeInsideIn_PrintsIt(string within)
    {
        var (exitCode, output, _) = Run("units", "00007", "--in", within, "--scheme", "old");

        Assert.Equal(0, exitCode);
        Assert.StartsWith("Old 00007 Phường Cống Vị [commune; Quận Ba Đình, Thành phố Hà Nội]", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Units_DistrictCodeOutsideIn_ExitsWithOne()
    {
        var (exitCode, output, error) = Run("units", "001", "--in", "Hà Giang");

        Assert.Equal(1, exitCode);
        Assert.Equal(string.Empty, output);
        Assert.Contains("001 is not in Tỉnh Hà Giang", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nowhere")]
    [InlineData("99999")]
    [InlineData("999")]
    [InlineData("")]
    public void Units_UnknownIn_IsAUsageErrorNamingIt(string within)
    {
        var (exitCode, output, error) = Run("units", "Cống Vị", "--in", within);

        Assert.Equal(2, exitCode);
        Assert.Equal(string.Empty, output);
        Assert.Contains($"--in '{within}' is not a province or old district", error, StringComparison.Ordinal);
        Assert.DoesNotContain("No administrative unit matches", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Units_InCommuneCode_IsAUsageErrorSayingItIsACommune()
    {
        var (exitCode, _, error) = Run("units", "Cống Vị", "--in", "00007", "--scheme", "old");

        Assert.Equal(2, exitCode);
        Assert.Contains("--in '00007' is not a province or old district: it is a commune", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Units_InOldDistrictWithNewScheme_IsAUsageErrorWithAHint()
    {
        var (exitCode, _, error) = Run("units", "Cống Vị", "--in", "001", "--scheme", "new");

        Assert.Equal(2, exitCode);
        Assert.Contains("--in '001' is not a province or old district of the new scheme", error, StringComparison.Ordinal);
        Assert.Contains("districts exist only in the old scheme", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Units_InOldProvinceWithNewScheme_IsAUsageErrorNamingTheNewProvince()
    {
        var (exitCode, _, error) = Run("units", "Cống Vị", "--in", "Hà Giang", "--scheme", "new");

        Assert.Equal(2, exitCode);
        Assert.Contains("--in 'Hà Giang' is not a province or old district of the new scheme", error, StringComparison.Ordinal);
        Assert.Contains("Old 02 Tỉnh Hà Giang went into New 08 Tỉnh Tuyên Quang", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Units_ProvinceNameAlsoADistrictName_PrintsBothProvinceFirst()
    {
        var (exitCode, output, _) = Run("units", "Hà Giang", "--scheme", "old");

        Assert.Equal(0, exitCode);
        var units = Headings(output);
        Assert.Equal("Old 02 Tỉnh Hà Giang [province]", units[0]);
        Assert.Contains("Old 024 Thành phố Hà Giang [district; Tỉnh Hà Giang]", units);
    }

    [Fact]
    public void Units_NameInBothSchemes_OldUnitsFirstEachSchemeByLevelThenCode()
    {
        var (exitCode, output, _) = Run("units", "Ba Đình");

        Assert.Equal(0, exitCode);
        var units = Headings(output);
        Assert.Contains("Old 001 Quận Ba Đình [district; Thành phố Hà Nội]", units);
        Assert.Contains("New 00004 Phường Ba Đình [commune; Thành phố Hà Nội]", units);
        var keys = units.Select(u => (Scheme: u.StartsWith("Old", StringComparison.Ordinal) ? 0 : 1, Code: u.Split(' ')[1]))
            .Select(k => (k.Scheme, k.Code.Length, k.Code))
            .ToArray();
        Assert.Equal(keys.Order(), keys);
        Assert.Contains(units, u => u.StartsWith("New ", StringComparison.Ordinal));
    }

    [Fact]
    public void Units_CccdProvinceCode_PrintsTheOldProvinceLabelled()
    {
        var (exitCode, output, _) = Run("units", "079");

        // Once, in the old scheme (CCCD codes are old codes): its mapping shows the new province.
        Assert.Equal(0, exitCode);
        var units = Headings(output);
        Assert.Equal(["Old 79 Thành phố Hồ Chí Minh [province; CCCD province code 079]"], units);
        Assert.Contains("→ New 79 Thành phố Hồ Chí Minh (whole)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Units_CccdCodeThatIsAlsoADistrictCode_PrintsTheDistrictThenTheProvince()
    {
        var (exitCode, output, _) = Run("units", "024", "--scheme", "old");

        Assert.Equal(0, exitCode);
        Assert.Equal(
            ["Old 024 Thành phố Hà Giang [district; Tỉnh Hà Giang]", "Old 24 Tỉnh Bắc Giang [province; CCCD province code 024]"],
            Headings(output));
    }

    [Fact]
    public void Units_CccdProvinceCodeInNewScheme_PrintsTheNewProvinceItWentInto()
    {
        var (exitCode, output, _) = Run("units", "024", "--scheme", "new");

        Assert.Equal(0, exitCode);
        Assert.Equal(["New 24 Tỉnh Bắc Ninh [province; CCCD province code 024: old 24 Tỉnh Bắc Giang]"], Headings(output));
    }

    [Fact]
    public void Units_CccdProvinceCodeOutsideIn_ExitsWithOne()
    {
        var (exitCode, _, error) = Run("units", "079", "--in", "Hà Nội", "--scheme", "old");

        Assert.Equal(1, exitCode);
        Assert.Contains("079 is not in Thành phố Hà Nội", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Units_NumberWithinProvince_IsAlsoReadAsAName()
    {
        var (exitCode, output, _) = Run("units", "10", "--in", "Hồ Chí Minh", "--scheme", "old");

        Assert.Equal(0, exitCode);
        var units = Headings(output);
        Assert.Equal("Old 771 Quận 10 [district; Thành phố Hồ Chí Minh]", units[0]);
        Assert.Contains("Old 27178 Phường 10 [commune; Quận 10, Thành phố Hồ Chí Minh]", units);
        Assert.DoesNotContain(units, u => u.Contains("Lào Cai", StringComparison.Ordinal));
    }

    [Fact]
    public void Units_NumberWithoutIn_IsOnlyACode()
    {
        var (exitCode, output, _) = Run("units", "10", "--scheme", "old");

        Assert.Equal(0, exitCode);
        Assert.Equal(["Old 10 Tỉnh Lào Cai [province]"], Headings(output));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Units_EmptyQuery_IsAUsageError(string query)
    {
        var (exitCode, output, error) = Run("units", query);

        Assert.Equal(2, exitCode);
        Assert.Equal(string.Empty, output);
        Assert.Contains("empty query", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Units_OldDistrict_ListsItsNewCommunesInCodeOrder()
    {
        var (exitCode, output, _) = Run("units", "001", "--scheme", "old");

        Assert.Equal(0, exitCode);
        Assert.StartsWith("Old 001 Quận Ba Đình [district; Thành phố Hà Nội]", output, StringComparison.Ordinal);
        var baDinh = output.ReplaceLineEndings("\n").Split('\n').Skip(1).TakeWhile(l => l.StartsWith(' '));
        var codes = baDinh.Where(l => l.StartsWith("  → New ", StringComparison.Ordinal)).Select(l => l.Split(' ')[4]).ToArray();
        Assert.Equal(8, codes.Length);
        Assert.Equal(codes.Order(StringComparer.Ordinal), codes);
    }

    [Fact]
    public void Units_NewProvince_ListsItsOldProvincesInCodeOrder()
    {
        var (exitCode, output, _) = Run("units", "79", "--scheme", "new");

        Assert.Equal(0, exitCode);
        var codes = output.Split('\n').Where(l => l.StartsWith("  ← Old ", StringComparison.Ordinal)).Select(l => l.Split(' ')[4]).ToArray();
        Assert.Equal(["74", "77", "79"], codes);
    }

    [Fact]
    public void Units_Help_DocumentsExitCodes()
    {
        var (exitCode, output, _) = Run("units", "--help");

        Assert.Equal(0, exitCode);
        Assert.Contains("Exit codes: 0", output, StringComparison.Ordinal);
        Assert.Contains("2 usage error", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Units_FullWidthCode_FoldedLikeNfkc()
    {
        var (exitCode, output, _) = Run("units", "\uFF17\uFF19", "--scheme", "new");
        var (_, plain, _) = Run("units", "79", "--scheme", "new");

        Assert.Equal(0, exitCode);
        Assert.Equal(plain, output);
    }

    [Fact]
    public void Units_FullWidthLettersInName_FoldedLikeNfkc()
    {
        // "Phường Cống Vị" with its ASCII letters written full width (P, h, C, n, g, V).
        var (exitCode, output, _) = Run("units", "\uFF30\uFF48ường\u3000\uFF23ố\uFF4E\uFF47 \uFF36ị", "--in", "Hà Nội", "--scheme", "old");

        Assert.Equal(0, exitCode);
        Assert.Contains("Old 00007 Phường Cống Vị", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("...")]
    [InlineData(" - ; ")]
    [InlineData("\uFF01\uFF1F")]
    public void Units_PunctuationOnlyQuery_IsAUsageError(string query)
    {
        var (exitCode, output, error) = Run("units", query);

        Assert.Equal(2, exitCode);
        Assert.Empty(output);
        Assert.Contains("no letter or digit", error, StringComparison.Ordinal);
    }

    // The unit lines (not the indented mapping lines), without line ends.
    private static string[] Headings(string output) =>
        output.ReplaceLineEndings("\n").Split('\n').Where(l => l.Length > 0 && !l.StartsWith(' ')).ToArray();
}
