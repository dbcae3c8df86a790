using System.Text.RegularExpressions;
using Immunization.Core.Identity;
using Immunization.Matching.Comparators.Vietnamese;
using Immunization.Matching.Verification;
using Immunization.Testing.Synthetic;

namespace Immunization.Cli.Tests.Packaging;

/// <summary>
/// What a user gets from <c>dotnet pack</c>: every package with its own README, licence, repository and symbols; a
/// consumer project that references the libraries from the packed folder builds and runs; the tool installs from
/// there and works. These run real <c>dotnet</c> processes (about a minute in all) and fail, never skip, when
/// something is wrong.
/// </summary>
public sealed class PackagesTests(PackagedProject packed) : IClassFixture<PackagedProject>
{
    private const string ConsumerProgram = """
        using FsCheck;
        using FsCheck.Fluent;
        using Immunization.Core.Identity;
        using Immunization.Testing.Arbitraries;
        using Immunization.Matching.Comparators.Vietnamese;
        using Immunization.Matching.Verification;
        using Immunization.Testing.Synthetic;

        var id = CitizenId.Parse("001190012345");
        Console.WriteLine($"citizen={id.Kind}|{id.ProvinceCode}|{id.Sex}|{id.BirthYear}");
        Console.WriteLine($"name={PersonName.Parse("nguyễn  thị minh ANH")}");

        var register = RegisterIndex.Build([
            IdentityRecord.FromText("P1", "001190012345", "Nguyễn Thị Minh Anh", "1990-05-03", "F", "0912345678",
                provinceCode: null, communeCode: null, scheme: "new", nationality: "VN")]);
        var link = register.Link(IdentityRecord.FromText("R1", "001190012354", "Nguyen Thi Minh Anh", "03/05/1990", "Nữ",
            "01662345678", provinceCode: null, communeCode: null, scheme: null, nationality: null));
        Console.WriteLine($"link={link.Outcome}|{link.PersonId}|{link.DifferencesText()}");

        var data = SyntheticDataGenerator.GenerateInMemory(new SyntheticDataOptions { People = 50, Seed = 7 });
        Console.WriteLine($"synthetic={data.Register.Count}|{data.Records.Count}");

        // The example of Immunization.Testing's package README: FsCheck comes with the package.
        Check.QuickThrowOnFailure(Prop.ForAll(IdentityArbitraries.CccdsWithHolder().ToArbitrary(),
            h => h.Id.CheckAgainst(h.Sex, h.BirthYear) == CitizenIdDiscrepancies.None));
        """;

    [Fact]
    public void Pack_EveryPackage_CarriesItsOwnReadmeLicenceRepositoryAndSymbols()
    {
        var repositoryReadme = File.ReadAllText(Path.Combine(packed.RepositoryRoot, "README.md"));
        foreach (var id in PackagedProject.PackageIds)
        {
            var nuspec = packed.ReadEntry(id, id + ".nuspec");
            Assert.Contains("<readme>README.md</readme>", nuspec, StringComparison.Ordinal);
            Assert.Contains("<license type=\"expression\">MIT</license>", nuspec, StringComparison.Ordinal);
            // SourceLink (the SDK's own) records the commit; the URL comes from the git origin remote when there is one.
            Assert.Matches("<repository type=\"git\"[^>]* commit=\"[0-9a-f]{40}\"", nuspec);
            Assert.Contains("<description>", nuspec, StringComparison.Ordinal);

            var readme = packed.ReadEntry(id, "README.md");
            Assert.Equal(File.ReadAllText(Path.Combine(packed.RepositoryRoot, "src", id, "README.md")), readme);
            Assert.StartsWith("# " + id, readme, StringComparison.Ordinal);
            Assert.True(readme.Length < 4000, $"{id}'s README has {readme.Length} characters: a package page wants a short one");
            Assert.NotEqual(repositoryReadme, readme);
            Assert.DoesNotMatch(@"\]\((?!https?:)[^)]+\)", readme); // no relative links: they break on a package page

            Assert.True(File.Exists(packed.PackagePath(id, "snupkg")), id + " has no symbol package");
            Assert.Contains(packed.Entries(id, "snupkg"), e => e.EndsWith(id + ".pdb", StringComparison.Ordinal));
        }
        Assert.Contains(packed.Entries("Immunization.Cli"), e => e.EndsWith("DotnetToolSettings.xml", StringComparison.Ordinal));
    }

    [Fact]
    public void Consumer_ReferencingEveryLibraryFromTheFolder_BuildsAndRuns()
    {
        var dir = Directory.CreateDirectory(Path.Combine(packed.Root, "consumer-" + Guid.NewGuid().ToString("N")[..8])).FullName;
        // Stop MSBuild's upward search here: nothing of the repository or the machine may leak into the consumer.
        File.WriteAllText(Path.Combine(dir, "Directory.Build.props"), "<Project />");
        File.WriteAllText(Path.Combine(dir, "Directory.Packages.props"), "<Project />");
        var references = string.Concat(PackagedProject.PackageIds.Where(p => p != "Immunization.Cli")
            .Select(p => $"""    <PackageReference Include="{p}" Version="{packed.Version}" />""" + "\n"));
        File.WriteAllText(Path.Combine(dir, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <NuGetAudit>false</NuGetAudit>
              </PropertyGroup>
              <ItemGroup>
            {references}  </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(dir, "Program.cs"), ConsumerProgram);

        packed.Run(dir, "build", "-c", "Release", "--configfile", packed.NuGetConfig, "--nologo");
        var output = packed.Run(dir, Path.Combine(dir, "bin", "Release", "net10.0", "Consumer.dll"));

        // The same calls in this process, on the projects the packages were made from.
        var id = CitizenId.Parse("001190012345");
        var register = RegisterIndex.Build([
            IdentityRecord.FromText("P1", "001190012345", "Nguyễn Thị Minh Anh", "1990-05-03", "F", "0912345678",
                provinceCode: null, communeCode: null, scheme: "new", nationality: "VN")]);
        var link = register.Link(IdentityRecord.FromText("R1", "001190012354", "Nguyen Thi Minh Anh", "03/05/1990", "Nữ",
            "01662345678", provinceCode: null, communeCode: null, scheme: null, nationality: null));
        var data = SyntheticDataGenerator.GenerateInMemory(new SyntheticDataOptions { People = 50, Seed = 7 });
        string[] expected =
        [
            $"citizen={id.Kind}|{id.ProvinceCode}|{id.Sex}|{id.BirthYear}",
            $"name={PersonName.Parse("nguyễn  thị minh ANH")}",
            $"link={link.Outcome}|{link.PersonId}|{link.DifferencesText()}",
            $"synthetic={data.Register.Count}|{data.Records.Count}",
        ];
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(expected, lines.Where(l => l.Contains('=', StringComparison.Ordinal)));
        Assert.Contains("Ok, passed 100 tests.", lines);
        Assert.Equal("citizen=Cccd|1|Female|1990", expected[0]);
        Assert.StartsWith("link=Differs|P1|", expected[2], StringComparison.Ordinal);
        Assert.True(data.Register.Count > 0 && data.Records.Count > 0);

        // Reporting has no public types yet: it must still restore and be referenced.
        var assets = File.ReadAllText(Path.Combine(dir, "obj", "project.assets.json"));
        foreach (var p in PackagedProject.PackageIds.Where(p => p != "Immunization.Cli"))
        {
            Assert.Contains($"\"{p}/{packed.Version}\"", assets, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Tool_InstalledFromTheFolder_ShowsHelpGeneratesAndRunsTheDemo()
    {
        var tools = Path.Combine(packed.Root, "tools-" + Guid.NewGuid().ToString("N")[..8]);
        packed.Run(packed.Root, "tool", "install", "Immunization.Cli", "--version", packed.Version, "--tool-path", tools,
            "--configfile", packed.NuGetConfig, "--add-source", packed.Feed);
        var tool = Path.Combine(tools, "immunization");
        Assert.True(File.Exists(tool), "the tool's command is not named 'immunization'");

        var help = packed.RunFile(tool, packed.Root, "--help");
        foreach (var command in new[] { "generate", "link", "dedupe", "evaluate", "report", "demo", "cdsi", "units" })
        {
            Assert.Matches(new Regex(@"^\s+" + command + @"\b", RegexOptions.Multiline), help);
        }

        var outDir = Path.Combine(packed.Root, "generated-" + Guid.NewGuid().ToString("N")[..8]);
        packed.RunFile(tool, packed.Root, "generate", "--people", "200", "--seed", "5", "--out", outDir);
        var expected = SyntheticDataGenerator.GenerateInMemory(new SyntheticDataOptions { People = 200, Seed = 5 });
        var registerRows = File.ReadLines(Path.Combine(outDir, "register.csv")).Count() - 1;
        Assert.Equal(expected.Register.Count, registerRows);
        Assert.True(File.ReadLines(Path.Combine(outDir, "records.csv")).Skip(1).Any(), "the tool wrote no records");
        Assert.True(File.Exists(Path.Combine(outDir, "truth.csv")), "the tool wrote no truth.csv");

        // The whole job from the installed tool: the HTML report and the tidy table it is drawn from.
        var demoDir = Path.Combine(packed.Root, "demo-" + Guid.NewGuid().ToString("N")[..8]);
        packed.RunFile(tool, packed.Root, "demo", "--people", "2000", "--out", demoDir);
        var html = Path.Combine(demoDir, "report", "report.html");
        var tidy = Path.Combine(demoDir, "report", "indicators.csv");
        Assert.True(File.Exists(html), "the installed tool's demo wrote no report.html");
        Assert.True(File.Exists(tidy), "the installed tool's demo wrote no indicators.csv");
        Assert.Contains("<svg ", File.ReadAllText(html), StringComparison.Ordinal);
        Assert.True(File.ReadLines(tidy).Skip(1).Any(), "the tidy table is empty");
    }
}
