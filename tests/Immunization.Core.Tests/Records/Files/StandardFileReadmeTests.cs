using Immunization.Core.Identity;
using Immunization.Core.Records;
using Immunization.Core.Records.Files;

namespace Immunization.Core.Tests.Records.Files;

/// <summary>The README's "Loading a register from a stream" example (NOTES-streamreader.md), its printed results as assertions.</summary>
public sealed class StandardFileReadmeTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("readme-register-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void ReadmeExample_PrintsWhatTheReadmeSays()
    {
        File.WriteAllText(System.IO.Path.Combine(_dir, "register.csv"),
            "person_id,citizen_id,full_name,date_of_birth,sex,phone,province_code,commune_code,admin_scheme,address,nationality\r\n" +
            "P1,001190000001,Nguyễn Văn An,03/05/1990,Nam,0912345678,01,00004,new,\"Số 1, Tổ 2\",VN\r\n" +
            "P2,,Trần Thị Bình,1985,Nữ,,79,26734,old,,VN\r\n" +
            "P3,,Lê Văn Cường,31/02/1970,M,,,,,,VN\r\n");
        File.WriteAllText(System.IO.Path.Combine(_dir, "records.csv"),
            "record_id,citizen_id,full_name,date_of_birth,sex,phone,province_code,commune_code,admin_scheme,address,nationality," +
            "vaccine_code,dose_date,dose_number,site_id,priority_group\r\n" +
            "R1,001190000001,Nguyen Van An,1990-05-03,M,,01,00004,new,,VN,208,2021-09-15,1,TYT-00004,7\r\n");
        string Path(string name) => System.IO.Path.Combine(_dir, name); // the README opens "register.csv"

        // --- README example ---
        using var stream = File.OpenRead(Path("register.csv"));    // or an upload, a blob, a zip entry: any Stream
        var problems = new List<StandardFileProblem>();
        var options = new StandardFileOptions("register.csv")  // the name errors will use; the reader opens nothing
        {
            Mode = StandardFileMode.Lenient,                      // skip and report bad rows (Strict, the default, throws)
            OnProblem = problems.Add,
        };
        List<RegisterEntry> register = StandardFileReader.ReadRegister(stream, options).ToList();
        var registerSummary = $"{register.Count} people, {problems.Count} row skipped";      // 2 people, 1 row skipped
        var firstPerson = $"{register[0].PersonId} {register[0].Person.DateOfBirth} {register[0].Person.Sex}"; // P1 1990-05-03 Male
        var firstProblem = problems[0].ToString(); // register.csv, row 4, column date_of_birth: expected a date as yyyy-MM-dd, ...

        using var records = File.OpenRead(Path("records.csv"));
        var doses = new List<string>();
        foreach (DoseRecord dose in StandardFileReader.ReadRecords(records, new StandardFileOptions("records.csv")))
        {
            doses.Add($"{dose.RecordId} {dose.VaccineCode} {dose.DoseDate:uuuu-MM-dd} dose {dose.DoseNumber}"); // R1 208 2021-09-15 dose 1
        }

        // --- end of the example ---

        Assert.Equal("2 people, 1 row skipped", registerSummary);
        Assert.Equal("P1 1990-05-03 Male", firstPerson);
        Assert.Equal("register.csv, row 4, column date_of_birth: expected a date as yyyy-MM-dd, yyyy-MM, yyyy or dd/MM/yyyy", firstProblem);
        Assert.Equal(Sex.Female, register[1].Person.Sex);
        Assert.Equal(["R1 208 2021-09-15 dose 1"], doses);
    }
}
