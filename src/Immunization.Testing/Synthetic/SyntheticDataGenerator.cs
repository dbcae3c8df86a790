using System.Globalization;
using Immunization.Core.Identity;
using Immunization.Core.Places;
using Immunization.Core.Records;
using NodaTime;

namespace Immunization.Testing.Synthetic;

/// <summary>
/// Generates a synthetic Vietnamese population register and COVID-19 vaccination records with ground truth: realistic
/// names, ages, identity numbers, phones and residences; vaccination histories that follow Viet Nam's 2021–2022
/// campaign; and data-entry errors at settable rates.
/// </summary>
/// <remarks>
/// <para>
/// Output streams into an <see cref="ISyntheticDataSink"/>, so memory stays flat whatever the number of people (only a
/// 65,536-record shuffle window is held). Every person is drawn from their own random stream (xoshiro256** seeded from
/// the run's seed and the person's index), so the same seed gives the same output on any machine.
/// </para>
/// <para>Where the figures come from is documented on the internal tables (names, age structure, campaign, phones).</para>
/// <threadsafety>All members are safe to call from any thread; one run uses one thread.</threadsafety>
/// </remarks>
public static partial class SyntheticDataGenerator
{
    private const int ShuffleWindow = 65_536;

    // The oldest age a mistyped date of birth may give at a dose (the register has centenarians, not 110-year-olds).
    internal const int MaxPlausibleAge = 105;

    /// <summary>Generates the register and the records into <paramref name="sink"/>.</summary>
    /// <param name="options">How many people, the seed, the error rates.</param>
    /// <param name="sink">Receives register entries and records as they are made.</param>
    /// <returns>What was made, with each error kind's count.</returns>
    /// <exception cref="ArgumentException">The options are not usable (negative count, invalid rates); the message says why.</exception>
    public static SyntheticDataSummary Generate(SyntheticDataOptions options, ISyntheticDataSink sink)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentOutOfRangeException.ThrowIfNegative(options.People);
        ArgumentNullException.ThrowIfNull(options.Errors, "options.Errors");
        var problem = options.Errors.Validate();
        if (problem is not null)
        {
            throw new ArgumentException("The error rates are not usable: " + problem + ".", nameof(options));
        }

        var run = new Run(options, sink, Residences.Default);
        return run.Execute();
    }

    /// <summary>Generates everything into memory: convenient for tests and small data sets (thousands of people).</summary>
    /// <param name="options">How many people, the seed, the error rates.</param>
    /// <returns>The register, the records with their truth, and the summary.</returns>
    public static SyntheticDataset GenerateInMemory(SyntheticDataOptions options)
    {
        var sink = new ListSink();
        var summary = Generate(options, sink);
        return new SyntheticDataset(sink.Register, sink.Records, summary);
    }

    private sealed class ListSink : ISyntheticDataSink
    {
        public List<RegisterEntry> Register { get; } = [];

        public List<SyntheticRecord> Records { get; } = [];

        public void AddRegisterEntry(RegisterEntry entry) => Register.Add(entry);

        public void AddRecord(SyntheticRecord record) => Records.Add(record);
    }

    private struct Pending
    {
        public PersonDetails Person;
        public SyntheticDose Dose;
        public string Site;
        public int? PriorityGroup;
        public string? PersonId;
        public ErrorSet Errors;
    }

    // The share of households whose head's phone serves the household, and the share of the other members who give it
    // (modelling assumptions: one phone per family is common, above all for children and the elderly).
    private const double HouseholdPhoneShare = 0.6;
    private const double HouseholdPhoneUse = 0.7;

    /// <summary>The household being filled: consecutive people live together until it is full.</summary>
    private struct Household
    {
        public int Remaining;
        public int Members;
        public int Commune;
        public int Region;
        public string Address;
        public string FamilyName;
        public bool SharesPhone;
        public string? Phone;
    }

    /// <summary>The true person behind the records.</summary>
    private sealed class Person
    {
        public required string PersonId;
        public string? CitizenId;
        public required string FullName;
        public LocalDate DateOfBirth;
        public Sex Sex;
        public string? Phone;
        public string? PhoneOldForm;
        public int Commune;
        public required string Address;
        public required string Nationality;
        public int? PriorityGroup;
        public ErrorKind? Absence;
    }

    private sealed partial class Run
    {
        private readonly SyntheticDataOptions _options;
        private readonly ErrorRates _rates;
        private readonly ISyntheticDataSink _sink;
        private readonly ResidenceCatalog _places;
        private readonly AgeStructure _ages = AgeStructure.Default;
        private readonly IdentityNumbers _ids;
        private readonly long[] _counts = new long[ErrorRates.KindCount];
        private readonly long[] _opportunities = new long[ErrorRates.KindCount];
        private readonly Pending[] _window;
        private Xoshiro256StarStar _shuffle;
        private int _windowCount;
        private long _recordsWritten;
        private int _registerEntries;
        private int _vaccinated;
        private Household _household;

        public Run(SyntheticDataOptions options, ISyntheticDataSink sink, ResidenceCatalog places)
        {
            _options = options;
            _rates = options.Errors;
            _sink = sink;
            _places = places;
            _ids = new IdentityNumbers(options.Seed, places.OldProvinces.Count);
            _shuffle = new Xoshiro256StarStar(SplitMix64.Mix(options.Seed, ulong.MaxValue));

            // A small run (a tester's handful of people) does not need the whole window.
            _window = new Pending[(int)Math.Min(ShuffleWindow, Math.Max(64L, options.People * 8L))];
        }

        public SyntheticDataSummary Execute()
        {
            var digits = Math.Max(9, _options.People.ToString(CultureInfo.InvariantCulture).Length);
            for (var i = 0; i < _options.People; i++)
            {
                var rng = new Xoshiro256StarStar(SplitMix64.Mix(_options.Seed, (ulong)i));
                var personId = "P" + (i + 1).ToString(CultureInfo.InvariantCulture).PadLeft(digits, '0');
                GeneratePerson(ref rng, personId);
            }

            Flush();
            return new SyntheticDataSummary(_options.People, _registerEntries, _vaccinated, _recordsWritten, _counts, _opportunities);
        }

        private void GeneratePerson(ref Xoshiro256StarStar rng, string personId)
        {
            var (sex, dateOfBirth) = _ages.Next(ref rng);
            var head = _household.Remaining == 0 || !_options.Households;
            if (head)
            {
                // A new household: its head's commune, house and family name are the household's.
                var newCommune = _places.NextCommune(ref rng);
                ref readonly var newHome = ref _places.Commune(newCommune);
                var newRegion = VietnameseNames.RegionOf(newHome.ProvinceCode);
                _household = new Household
                {
                    Remaining = _options.Households ? HouseholdSize(ref rng) : 1,
                    Commune = newCommune,
                    Region = newRegion,
                    Address = HouseAddress(ref rng, newHome, newRegion),
                    FamilyName = VietnameseNames.FamilyName(ref rng, newRegion),
                    SharesPhone = _options.Households && rng.Chance(HouseholdPhoneShare),
                };
            }

            var member = _household.Members++;
            _household.Remaining--;
            var commune = _household.Commune;
            ref readonly var home = ref _places.Commune(commune);
            var region = _household.Region;

            // Vietnamese women keep their family name: the second member (the head's spouse) has their own, the others the head's.
            var family = member == 1 ? VietnameseNames.FamilyName(ref rng, region) : _household.FamilyName;
            var person = new Person
            {
                PersonId = personId,
                FullName = VietnameseNames.FullName(ref rng, sex, dateOfBirth.Year, family),
                DateOfBirth = dateOfBirth,
                Sex = sex,
                Commune = commune,
                Address = _household.Address,
                Nationality = "VN",
            };

            if (CovidCampaign.Age(dateOfBirth, CovidCampaign.Start) >= 18)
            {
                person.PriorityGroup = PriorityGroup(ref rng, dateOfBirth);
            }

            var frontline = person.PriorityGroup is >= 1 and <= 5;
            var doses = CovidCampaign.History(ref rng, dateOfBirth, frontline);

            if (doses.Count > 0)
            {
                _vaccinated++;
                person.Absence = DrawAbsence(ref rng);
            }

            AssignIdentity(ref rng, person, home);
            var age = CovidCampaign.Age(dateOfBirth, CovidCampaign.End);
            if (!head && _household.Phone is not null && rng.Chance(HouseholdPhoneUse))
            {
                // The household's one phone, given for a relative too.
                person.Phone = _household.Phone;
                person.PhoneOldForm = PhoneNumbers.OldForm(person.Phone);
            }
            else if (rng.Chance(age >= 15 ? 0.92 : 0.7))
            {
                person.Phone = PhoneNumbers.Next(ref rng);
                person.PhoneOldForm = PhoneNumbers.OldForm(person.Phone);
            }

            if (head && _household.SharesPhone)
            {
                _household.Phone = person.Phone;
            }

            if (person.Absence is null)
            {
                _registerEntries++;
                _sink.AddRegisterEntry(new RegisterEntry(personId, RegisterDetails(person)));
            }

            EnterRecords(ref rng, person, doses);
        }

        private static int HouseholdSize(ref Xoshiro256StarStar rng)
        {
            // Shares of households of 1 to 6 people, after the 2019 census's average of 3.5 people per household (the
            // split by size is our assumption).
            ReadOnlySpan<double> shares = [0.10, 0.20, 0.22, 0.26, 0.12, 0.10];
            var u = rng.NextDouble();
            var cumulative = 0.0;
            for (var size = 0; size < shares.Length; size++)
            {
                cumulative += shares[size];
                if (u < cumulative)
                {
                    return size + 1;
                }
            }

            return shares.Length;
        }

        private ErrorKind? DrawAbsence(ref Xoshiro256StarStar rng)
        {
            _opportunities[(int)ErrorKind.AbsentMovedIn]++;
            _opportunities[(int)ErrorKind.AbsentBornAbroad]++;
            _opportunities[(int)ErrorKind.AbsentForeigner]++;
            var u = rng.NextDouble();
            ErrorKind? kind = u < _rates.AbsentMovedIn ? ErrorKind.AbsentMovedIn
                : u < _rates.AbsentMovedIn + _rates.AbsentBornAbroad ? ErrorKind.AbsentBornAbroad
                : u < _rates.AbsentMovedIn + _rates.AbsentBornAbroad + _rates.AbsentForeigner ? ErrorKind.AbsentForeigner
                : null;
            if (kind is { } k)
            {
                _counts[(int)k]++;
            }

            return kind;
        }

        private void AssignIdentity(ref Xoshiro256StarStar rng, Person person, in NewCommune home)
        {
            switch (person.Absence)
            {
                case ErrorKind.AbsentForeigner:
                    var (nationality, name, passport) = ForeignNames.Next(ref rng);
                    person.Nationality = nationality;
                    person.FullName = name;
                    person.CitizenId = passport;
                    return;
                case ErrorKind.AbsentBornAbroad:
                    person.CitizenId = rng.Chance(0.5) ? ForeignNames.VietnamesePassport(ref rng) : null;
                    return;
                default:
                    break;
            }

            var year = person.DateOfBirth.Year;
            var cmndOnlyShare = year < 1975 ? 0.15 : year < 1990 ? 0.04 : 0.0;
            if (rng.Chance(cmndOnlyShare))
            {
                person.CitizenId = _ids.NextCmnd();
                return;
            }

            // Most people's birth was registered in the province they live in; the others come from anywhere.
            var olds = _places.OldCommunesOf(person.Commune);
            int birthProvince;
            if (olds.Length > 0 && rng.Chance(0.85))
            {
                birthProvince = olds[rng.Next(olds.Length)].ProvinceCode;
            }
            else
            {
                birthProvince = _places.OldProvinces[rng.Next(_places.OldProvinces.Count)].Code;
            }

            person.CitizenId = _ids.NextCccd(OldProvinceIndex(birthProvince), birthProvince, person.Sex, year);
        }

        private int OldProvinceIndex(int code)
        {
            var provinces = _places.OldProvinces;
            for (var i = 0; i < provinces.Count; i++)
            {
                if (provinces[i].Code == code)
                {
                    return i;
                }
            }

            throw new InvalidOperationException("An old commune refers to a province missing from the catalogue.");
        }

        private static int? PriorityGroup(ref Xoshiro256StarStar rng, LocalDate dateOfBirth)
        {
            // QĐ 1210/QĐ-BYT groups; group 7 is everyone aged 65 or more. The other shares are modelling assumptions.
            if (CovidCampaign.Age(dateOfBirth, CovidCampaign.Start) >= 65)
            {
                return 7;
            }

            var u = rng.NextDouble();
            ReadOnlySpan<double> shares = [0.015, 0.01, 0.001, 0.006, 0.004, 0.02, 0, 0.05, 0.08, 0.003, 0.10];
            var cumulative = 0.0;
            for (var g = 0; g < shares.Length; g++)
            {
                cumulative += shares[g];
                if (u < cumulative)
                {
                    return g + 1;
                }
            }

            return null;
        }

        private static string HouseAddress(ref Xoshiro256StarStar rng, in NewCommune home, int region)
        {
            var number = rng.Between(1, 250).ToString(CultureInfo.InvariantCulture);
            if (home.IsUrban)
            {
                return "Số " + number + ", Tổ " + rng.Between(1, 40).ToString(CultureInfo.InvariantCulture);
            }

            var hamlet = region == 2 && home.ProvinceCode >= 75 ? "Ấp " : "Thôn ";
            return hamlet + rng.Between(1, 20).ToString(CultureInfo.InvariantCulture);
        }

        private PersonDetails RegisterDetails(Person person)
        {
            ref readonly var home = ref _places.Commune(person.Commune);
            return new PersonDetails(
                citizenId: person.CitizenId,
                fullName: person.FullName,
                dateOfBirth: new PartialDate(person.DateOfBirth),
                sex: person.Sex,
                phone: person.Phone,
                provinceCode: home.ProvinceCodeText,
                communeCode: home.Code,
                adminScheme: AdministrativeScheme.New,
                address: person.Address + ", " + home.Name + ", " + home.ProvinceName,
                nationality: person.Nationality);
        }

        private void EnterRecords(ref Xoshiro256StarStar rng, Person person, List<SyntheticDose> doses)
        {
            ref readonly var home = ref _places.Commune(person.Commune);
            var homeStation = "TYT-" + home.Code;
            PersonDetails? last = null;
            var lastErrors = ErrorSet.None;
            var lastOpportunities = 0u;
            string? lastSite = null;
            var absence = person.Absence is { } a ? ErrorSet.None.With(a) : ErrorSet.None;
            var truth = person.Absence is null ? person.PersonId : null;
            int? recordedGroup = person.PriorityGroup is { } g && rng.Chance(0.7) ? g : null;

            if (doses.Count == 0)
            {
                return;
            }

            // A mistyped date of birth stays plausible for every record that may reuse it: not after the first dose,
            // and an age of at most MaxPlausibleAge at the last one.
            var birthWindow = BirthWindow(doses);

            foreach (var dose in doses)
            {
                var site = rng.Chance(0.85) ? homeStation : OtherSite(ref rng, home);
                PersonDetails details;
                ErrorSet errors;
                uint opportunities;

                // Doses entered at the same site usually reuse the person's entry; otherwise the details are typed again.
                if (last is not null && string.Equals(site, lastSite, StringComparison.Ordinal) && rng.Chance(0.8))
                {
                    details = last;
                    errors = lastErrors;
                    opportunities = lastOpportunities;
                }
                else
                {
                    details = Enter(ref rng, person, birthWindow, out errors, out opportunities);
                }

                Tally(errors, opportunities);
                Emit(details, dose, site, recordedGroup, truth, Combine(errors, absence));
                (last, lastErrors, lastOpportunities, lastSite) = (details, errors, opportunities, site);

                _opportunities[(int)ErrorKind.DuplicateAtSecondSite]++;
                if (rng.Chance(_rates.DuplicateAtSecondSite))
                {
                    _counts[(int)ErrorKind.DuplicateAtSecondSite]++;
                    var secondSite = string.Equals(site, homeStation, StringComparison.Ordinal) ? OtherSite(ref rng, home) : homeStation;
                    var second = Enter(ref rng, person, birthWindow, out var secondErrors, out var secondOpportunities);
                    if (second == details)
                    {
                        // "Different details": an entry identical to the first leaves the address empty (no error kind
                        // is about the address, so the second entry's error set stays true).
                        second = new PersonDetails(second.CitizenId, second.FullName, second.DateOfBirth, second.Sex, second.Phone,
                            second.ProvinceCode, second.CommuneCode, second.AdminScheme, address: null, second.Nationality);
                    }

                    Tally(secondErrors, secondOpportunities);
                    Emit(second, dose, secondSite, recordedGroup, truth,
                        Combine(secondErrors, absence).With(ErrorKind.DuplicateAtSecondSite));
                }
            }
        }

        private static DateInterval BirthWindow(List<SyntheticDose> doses)
        {
            LocalDate first = doses[0].Date, last = doses[0].Date;
            foreach (var dose in doses)
            {
                first = LocalDate.Min(first, dose.Date);
                last = LocalDate.Max(last, dose.Date);
            }

            return new DateInterval(last.PlusYears(-MaxPlausibleAge), first);
        }

        private static ErrorSet Combine(ErrorSet errors, ErrorSet absence) => new(errors.Bits | absence.Bits);

        private static string OtherSite(ref Xoshiro256StarStar rng, in NewCommune home) =>
            "BV-" + home.ProvinceCodeText + "-" + rng.Between(1, 8).ToString("00", CultureInfo.InvariantCulture);

        private void Tally(ErrorSet errors, uint opportunities)
        {
            for (var k = 0; k < ErrorRates.KindCount; k++)
            {
                if ((opportunities & (1u << k)) != 0)
                {
                    _opportunities[k]++;
                }
            }

            // Absences are counted per person when drawn, not per record.
            var bits = errors.Bits;
            for (var k = 0; k < (int)ErrorKind.AbsentMovedIn; k++)
            {
                if ((bits & (1u << k)) != 0)
                {
                    _counts[k]++;
                }
            }
        }

        private void Emit(PersonDetails details, SyntheticDose dose, string site, int? priorityGroup, string? personId, ErrorSet errors)
        {
            var pending = new Pending
            {
                Person = details,
                Dose = dose,
                Site = site,
                PriorityGroup = priorityGroup,
                PersonId = personId,
                Errors = errors,
            };

            if (_windowCount < _window.Length)
            {
                _window[_windowCount++] = pending;
                return;
            }

            var j = _shuffle.Next(_window.Length);
            Write(_window[j]);
            _window[j] = pending;
        }

        private void Flush()
        {
            for (var i = _windowCount - 1; i > 0; i--)
            {
                var j = _shuffle.Next(i + 1);
                (_window[i], _window[j]) = (_window[j], _window[i]);
            }

            for (var i = 0; i < _windowCount; i++)
            {
                Write(_window[i]);
                _window[i] = default;
            }

            _windowCount = 0;
        }

        private void Write(in Pending pending)
        {
            _recordsWritten++;
            var id = "R" + _recordsWritten.ToString("D9", CultureInfo.InvariantCulture);
            var record = new DoseRecord(
                id,
                pending.Person,
                vaccineCode: pending.Dose.Product.Code,
                doseDate: pending.Dose.Date,
                doseNumber: pending.Dose.DoseNumber,
                siteId: pending.Site,
                priorityGroup: pending.PriorityGroup);
            _sink.AddRecord(new SyntheticRecord(record, pending.PersonId, pending.Errors));
        }

    }
}
