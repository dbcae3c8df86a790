using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Immunization.Core.Identity;
using Immunization.Core.Places;
using Immunization.Core.Records;
using Immunization.Core.Records.Files;
using Immunization.Testing.Arbitraries;
using NodaTime;

namespace Immunization.Core.Tests.Records.Files;

/// <summary>What is written as RFC 4180 CSV is read back equal, whatever the text holds (commas, quotes, line breaks, Vietnamese).</summary>
public sealed class StandardFileRoundTripProperties
{
    private static readonly char[] s_tricky = [.. "aZ09 ,\"\r\n;'ễĐữ\u0303\t-/"];

    private static readonly char[] s_idChars = [.. "aZ09 ,\"ễĐ-_/"];

    [Property(MaxTest = 200)]
    public Property WriteThenRead_RegisterEntries_Equal() =>
        Prop.ForAll(Gen.ListOf(Entries()).Zip(NewLines()).ToArbitrary(), t =>
        {
            var (entries, newLine) = t;
            var back = StandardFileReader.ReadRegister(new StringReader(StandardFileText.Register(entries, newLine)), new("register.csv")).ToList();
            return back.SequenceEqual(entries);
        });

    [Property(MaxTest = 200)]
    public Property WriteThenRead_DoseRecords_Equal() =>
        Prop.ForAll(Gen.ListOf(Records()).Zip(NewLines()).ToArbitrary(), t =>
        {
            var (records, newLine) = t;
            var back = StandardFileReader.ReadRecords(new StringReader(StandardFileText.Records(records, newLine)), new("records.csv")).ToList();
            return back.SequenceEqual(records);
        });

    private static Gen<string> NewLines() => Gen.Elements("\n", "\r\n");

    private static Gen<string> Texts(char[] chars) =>
        Gen.Elements(chars).ArrayOf().Where(a => a.Length > 0).Select(a => new string(a));

    private static Gen<string?> Optional(Gen<string> values) => Gen.OneOf(Gen.Constant<string?>(null), values.Select(v => (string?)v));

    private static Gen<string> Digits(int length) => Gen.Elements("0123456789".ToCharArray()).ArrayOf(length).Select(a => new string(a));

    private static Gen<string> Ids() => Texts(s_idChars).Where(id => !string.IsNullOrWhiteSpace(id));

    private static Gen<PersonDetails> People() =>
        from citizenId in Optional(Texts(s_tricky))
        from name in Optional(Texts(s_tricky))
        from born in Optional(IdentityArbitraries.PartialDates().Select(d => d.ToString()))
        from sex in Gen.Elements(Sex.Unknown, Sex.Male, Sex.Female)
        from phone in Optional(Texts(s_tricky))
        from province in Optional(Digits(2))
        from commune in Optional(Digits(5))
        from scheme in Gen.Elements<AdministrativeScheme?>(null, AdministrativeScheme.Old, AdministrativeScheme.New)
        from address in Optional(Texts(s_tricky))
        from nationality in Optional(Gen.Elements("VN", "KR", "US"))
        select new PersonDetails(
            citizenId: citizenId, fullName: name, dateOfBirth: born is null ? null : PartialDate.Parse(born), sex: sex, phone: phone,
            provinceCode: province, communeCode: commune, adminScheme: scheme, address: address, nationality: nationality);

    private static Gen<RegisterEntry> Entries() =>
        from id in Ids()
        from person in People()
        select new RegisterEntry(id, person);

    private static Gen<DoseRecord> Records() =>
        from id in Ids()
        from person in People()
        from vaccine in Optional(Gen.OneOf(Digits(3), Gen.Elements("VN-ABDALA", "vn-x")))
        from day in Gen.Choose(0, 2000)
        from hasDate in Gen.Elements(true, false)
        from dose in Gen.OneOf(Gen.Constant<int?>(null), Gen.Choose(1, 99).Select(n => (int?)n))
        from site in Optional(Texts(s_tricky))
        from priority in Gen.OneOf(Gen.Constant<int?>(null), Gen.Choose(1, 11).Select(n => (int?)n))
        select new DoseRecord(
            id, person, vaccineCode: vaccine, doseDate: hasDate ? new LocalDate(2020, 1, 1).PlusDays(day) : null, doseNumber: dose, siteId: site,
            priorityGroup: priority);
}
