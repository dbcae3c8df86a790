using System.Xml.Linq;
using Immunization.Core.Vaccines;
using Immunization.Tests.Shared;

namespace Immunization.Core.Tests.Vaccines;

public sealed class VietnamCovidVaccinesTests
{
    private static readonly Lazy<Dictionary<string, string>> s_cdsiCvx = new(() =>
    {
        // CDC's CVX map in CDSi supporting data 4.64: <cvxMap><cvx>210</cvx><shortDescription>…</shortDescription>…
        var document = XDocument.Load(SharedDatasets.Path("cdsi/supporting-data-4.64/XML/ScheduleSupportingData.xml"));
        return document.Descendants("cvxMap")
            .Select(m => (Cvx: (string?)m.Element("cvx"), Description: (string?)m.Element("shortDescription")))
            .Where(m => m.Cvx is not null && m.Description is not null)
            .GroupBy(m => m.Cvx!)
            .ToDictionary(g => g.Key, g => g.First().Description!);
    });

    [Fact]
    public void All_CvxProducts_AreCovidCodesOfCdsiSupportingData()
    {
        var cvx = VietnamCovidVaccines.All.Where(p => p.CodeSystem == VaccineCodeSystem.Cvx).ToList();

        Assert.NotEmpty(cvx);
        Assert.All(cvx, p =>
        {
            Assert.True(s_cdsiCvx.Value.TryGetValue(p.Code, out var description), $"CVX {p.Code} is not in the CDSi CVX map");
            Assert.Contains("COVID", description, StringComparison.OrdinalIgnoreCase);
        });
    }

    [Fact]
    public void All_NamedProducts_MatchTheirCdsiDescriptions()
    {
        Assert.Contains("ChAdOx1", s_cdsiCvx.Value[VietnamCovidVaccines.AstraZeneca.Code], StringComparison.Ordinal);
        Assert.Contains("Sinopharm", s_cdsiCvx.Value[VietnamCovidVaccines.Sinopharm.Code], StringComparison.Ordinal);
        Assert.Contains("Sputnik V", s_cdsiCvx.Value[VietnamCovidVaccines.SputnikV.Code], StringComparison.Ordinal);
        Assert.Contains("Ad26", s_cdsiCvx.Value[VietnamCovidVaccines.Janssen.Code], StringComparison.Ordinal);
        Assert.Contains("10 mcg", s_cdsiCvx.Value[VietnamCovidVaccines.PfizerPaediatric.Code], StringComparison.Ordinal);
        Assert.Contains("100 mcg", s_cdsiCvx.Value[VietnamCovidVaccines.Moderna.Code], StringComparison.Ordinal);
        Assert.Contains("Product Unknown", s_cdsiCvx.Value[VietnamCovidVaccines.UnknownProduct.Code], StringComparison.Ordinal);
    }

    [Fact]
    public void Abdala_HasALocalCodeOutsideTheCvxList()
    {
        var abdala = VietnamCovidVaccines.Abdala;

        Assert.Equal(VaccineCodeSystem.Local, abdala.CodeSystem);
        Assert.StartsWith("VN-", abdala.Code, StringComparison.Ordinal);
        Assert.DoesNotContain(s_cdsiCvx.Value.Values, d => d.Contains("Abdala", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void All_CodesUniqueAndShaped()
    {
        var codes = VietnamCovidVaccines.All.Select(p => p.Code).ToList();

        Assert.Equal(codes.Count, codes.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(VietnamCovidVaccines.All, p => Assert.True(
            p.CodeSystem == VaccineCodeSystem.Cvx ? p.Code.All(char.IsAsciiDigit) : p.Code.StartsWith("VN-", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("210", "210")]
    [InlineData(" 510 ", "510")]
    [InlineData("vn-abdala", "VN-ABDALA")]
    public void TryFind_KnownCode_FindsProduct(string code, string expected)
    {
        Assert.True(VietnamCovidVaccines.TryFind(code, out var product));
        Assert.Equal(expected, product.Code);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("999")]
    [InlineData("AZ")]
    public void TryFind_UnknownCode_False(string? code)
    {
        Assert.False(VietnamCovidVaccines.TryFind(code, out var product));
        Assert.Null(product);
    }

    [Fact]
    public void Equals_SameCode_Equal()
    {
        Assert.True(VietnamCovidVaccines.TryFind("208", out var pfizer));
        Assert.Equal(VietnamCovidVaccines.Pfizer, pfizer);
        Assert.Equal(VietnamCovidVaccines.Pfizer.GetHashCode(), pfizer.GetHashCode());
        Assert.NotEqual(VietnamCovidVaccines.Pfizer, VietnamCovidVaccines.PfizerTrisSucrose);
        Assert.Equal("210 AstraZeneca (Vaxzevria)", VietnamCovidVaccines.AstraZeneca.ToString());
    }
}
