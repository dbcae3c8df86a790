using System.Globalization;
using Immunization.Core.Identity;
using Immunization.Core.Places;
using Immunization.Core.Records;
using NodaTime;

namespace Immunization.Testing.Synthetic;

public static partial class SyntheticDataGenerator
{
    private sealed partial class Run
    {
        /// <summary>
        /// The person's details as one data-entry clerk typed them: each error kind applied at its rate where the data
        /// allow it. <paramref name="opportunities"/> gets a bit for every kind that could have been applied.
        /// </summary>
        private PersonDetails Enter(ref Xoshiro256StarStar rng, Person person, DateInterval birthWindow, out ErrorSet errors, out uint opportunities)
        {
            errors = ErrorSet.None;
            opportunities = 0;
            var r = _rates;

            // Identity number: missing, one digit mistyped, or two adjacent characters swapped.
            var citizenId = person.CitizenId;
            if (citizenId is not null)
            {
                opportunities |= Bits(ErrorKind.CitizenIdMissing, ErrorKind.CitizenIdMistyped, ErrorKind.CitizenIdTransposed);
                var u = rng.NextDouble();
                if (u < r.CitizenIdMissing)
                {
                    citizenId = null;
                    errors = errors.With(ErrorKind.CitizenIdMissing);
                }
                else if (u < r.CitizenIdMissing + r.CitizenIdMistyped)
                {
                    citizenId = MistypeDigit(ref rng, citizenId, 0);
                    errors = errors.With(ErrorKind.CitizenIdMistyped);
                }
                else if (u < r.CitizenIdMissing + r.CitizenIdMistyped + r.CitizenIdTransposed)
                {
                    if (Transpose(ref rng, citizenId) is { } transposed)
                    {
                        citizenId = transposed;
                        errors = errors.With(ErrorKind.CitizenIdTransposed);
                    }
                    else
                    {
                        // Every character the same: no swap changes it, so the slip is a mistyped digit and says so.
                        citizenId = MistypeDigit(ref rng, citizenId, 0);
                        errors = errors.With(ErrorKind.CitizenIdMistyped);
                    }
                }
            }

            var name = EnterName(ref rng, person.FullName, ref errors, ref opportunities);
            var dateOfBirth = EnterDateOfBirth(ref rng, person.DateOfBirth, birthWindow, ref errors, ref opportunities);

            var sex = person.Sex;
            if (sex != Sex.Unknown)
            {
                opportunities |= Bits(ErrorKind.SexWrong);
                if (rng.Chance(r.SexWrong))
                {
                    sex = sex == Sex.Male ? Sex.Female : Sex.Male;
                    errors = errors.With(ErrorKind.SexWrong);
                }
            }

            var phone = person.Phone;
            if (phone is not null)
            {
                var hasOldForm = person.PhoneOldForm is not null;
                opportunities |= Bits(ErrorKind.PhoneMistyped) | (hasOldForm ? Bits(ErrorKind.PhoneOldForm) : 0);
                var u = rng.NextDouble();
                if (u < r.PhoneOldForm)
                {
                    if (hasOldForm)
                    {
                        phone = person.PhoneOldForm;
                        errors = errors.With(ErrorKind.PhoneOldForm);
                    }
                }
                else if (u < r.PhoneOldForm + r.PhoneMistyped)
                {
                    phone = MistypeDigit(ref rng, phone, 3);
                    errors = errors.With(ErrorKind.PhoneMistyped);
                }
            }

            // Residence: the new-scheme commune, or its pre-reform commune, or another commune of the province.
            ref readonly var home = ref _places.Commune(person.Commune);
            string provinceCode = home.ProvinceCodeText, communeCode = home.Code;
            var scheme = AdministrativeScheme.New;
            var address = person.Address + ", " + home.Name + ", " + home.ProvinceName;
            var olds = _places.OldCommunesOf(person.Commune);
            opportunities |= Bits(ErrorKind.CommuneWrong) | (olds.Length > 0 ? Bits(ErrorKind.CommuneOldScheme) : 0);
            var v = rng.NextDouble();
            if (v < r.CommuneOldScheme)
            {
                if (olds.Length > 0)
                {
                    var old = olds[rng.Next(olds.Length)];
                    provinceCode = old.ProvinceCodeText;
                    communeCode = old.Code;
                    scheme = AdministrativeScheme.Old;
                    address = person.Address + ", " + old.Name + (old.DistrictName is null ? string.Empty : ", " + old.DistrictName) +
                        ", " + old.ProvinceName;
                    errors = errors.With(ErrorKind.CommuneOldScheme);
                }
            }
            else if (v < r.CommuneOldScheme + r.CommuneWrong)
            {
                var inProvince = _places.CommunesInProvince(home.ProvinceCode);
                if (inProvince.Length > 1)
                {
                    var other = inProvince[rng.Next(inProvince.Length)];
                    while (other == person.Commune)
                    {
                        other = inProvince[rng.Next(inProvince.Length)];
                    }

                    ref readonly var wrong = ref _places.Commune(other);
                    communeCode = wrong.Code;
                    address = person.Address + ", " + wrong.Name + ", " + wrong.ProvinceName;
                    errors = errors.With(ErrorKind.CommuneWrong);
                }
            }

            return new PersonDetails(
                citizenId: citizenId,
                fullName: name,
                dateOfBirth: dateOfBirth,
                sex: sex,
                phone: phone,
                provinceCode: provinceCode,
                communeCode: communeCode,
                adminScheme: scheme,
                address: address,
                nationality: person.Nationality);
        }

        private string EnterName(ref Xoshiro256StarStar rng, string name, ref ErrorSet errors, ref uint opportunities)
        {
            var r = _rates;
            if (name.Contains(' ', StringComparison.Ordinal))
            {
                opportunities |= Bits(ErrorKind.NameOrderSwapped);
                if (rng.Chance(r.NameOrderSwapped))
                {
                    name = NameNoise.SwapFamilyAndGiven(name);
                    errors = errors.With(ErrorKind.NameOrderSwapped);
                }
            }

            opportunities |= Bits(ErrorKind.SyllableMistyped);
            if (rng.Chance(r.SyllableMistyped))
            {
                name = NameNoise.MistypeSyllable(ref rng, name);
                errors = errors.With(ErrorKind.SyllableMistyped);
            }

            if (NameNoise.HasMarks(name))
            {
                var partlyPossible = NameNoise.MarkedSyllables(name) >= 2;
                opportunities |= Bits(ErrorKind.ToneMarksDropped) | (partlyPossible ? Bits(ErrorKind.ToneMarksPartlyDropped) : 0);
                var u = rng.NextDouble();
                if (u < r.ToneMarksDropped)
                {
                    name = NameNoise.DropAllMarks(name);
                    errors = errors.With(ErrorKind.ToneMarksDropped);
                }
                else if (u < r.ToneMarksDropped + r.ToneMarksPartlyDropped && partlyPossible)
                {
                    name = NameNoise.DropSomeMarks(ref rng, name);
                    errors = errors.With(ErrorKind.ToneMarksPartlyDropped);
                }
            }

            if (NameNoise.HasDStroke(name))
            {
                opportunities |= Bits(ErrorKind.DStrokeAsD);
                if (rng.Chance(r.DStrokeAsD))
                {
                    name = NameNoise.DStrokeAsD(name);
                    errors = errors.With(ErrorKind.DStrokeAsD);
                }
            }

            opportunities |= Bits(ErrorKind.CaseAndSpacing);
            if (rng.Chance(r.CaseAndSpacing))
            {
                name = NameNoise.CaseAndSpacing(ref rng, name);
                errors = errors.With(ErrorKind.CaseAndSpacing);
            }

            if (NameNoise.HasComposedVowel(name))
            {
                opportunities |= Bits(ErrorKind.DecomposedUnicode);
                if (rng.Chance(r.DecomposedUnicode))
                {
                    name = NameNoise.Decompose(name);
                    errors = errors.With(ErrorKind.DecomposedUnicode);
                }
            }

            return name;
        }

        private PartialDate EnterDateOfBirth(ref Xoshiro256StarStar rng, LocalDate date, DateInterval window, ref ErrorSet errors, ref uint opportunities)
        {
            var r = _rates;
            var swappable = date.Day <= 12 && date.Day != date.Month;
            opportunities |= Bits(ErrorKind.BirthDateYearOnly, ErrorKind.BirthDateMistyped) |
                (swappable ? Bits(ErrorKind.BirthDateDayMonthSwapped) : 0);
            var u = rng.NextDouble();
            if (u < r.BirthDateYearOnly)
            {
                errors = errors.With(ErrorKind.BirthDateYearOnly);
                return new PartialDate(date.Year);
            }

            if (u < r.BirthDateYearOnly + r.BirthDateDayMonthSwapped)
            {
                if (swappable)
                {
                    errors = errors.With(ErrorKind.BirthDateDayMonthSwapped);
                    return new PartialDate(new LocalDate(date.Year, date.Day, date.Month));
                }
            }
            else if (u < r.BirthDateYearOnly + r.BirthDateDayMonthSwapped + r.BirthDateMistyped)
            {
                errors = errors.With(ErrorKind.BirthDateMistyped);
                return new PartialDate(MistypeDate(ref rng, date, window));
            }

            return new PartialDate(date);
        }

        /// <summary>
        /// One digit of yyMMdd (the century is never mistyped) replaced by another, so that the date stays valid, changes,
        /// and stays in <paramref name="window"/> (widened to hold the true date): a clerk's slip, not an impossible date.
        /// </summary>
        private static LocalDate MistypeDate(ref Xoshiro256StarStar rng, LocalDate date, DateInterval window)
        {
            var earliest = LocalDate.Min(window.Start, date);
            var latest = LocalDate.Max(window.End, date);
            // The digits of yyMMdd: year tens and units, month tens and units, day tens and units.
            Span<int> original = [date.Year / 10 % 10, date.Year % 10, date.Month / 10, date.Month % 10, date.Day / 10, date.Day % 10];
            Span<int> digits = stackalloc int[6];
            var century = date.Year / 100 * 100;
            var firstPosition = rng.Next(6);
            var firstDigit = rng.Next(10);

            // Every position and digit is tried, from a random start, so a valid slip is always found when one exists.
            for (var i = 0; i < 6; i++)
            {
                var p = (firstPosition + i) % 6;
                for (var j = 0; j < 10; j++)
                {
                    var digit = (firstDigit + j) % 10;
                    if (digit == original[p])
                    {
                        continue;
                    }

                    original.CopyTo(digits);
                    digits[p] = digit;
                    var year = century + (digits[0] * 10) + digits[1];
                    var month = (digits[2] * 10) + digits[3];
                    var day = (digits[4] * 10) + digits[5];
                    if (month is >= 1 and <= 12 && day >= 1 && day <= CalendarSystem.Iso.GetDaysInMonth(year, month))
                    {
                        var typed = new LocalDate(year, month, day);
                        if (typed >= earliest && typed <= latest)
                        {
                            return typed;
                        }
                    }
                }
            }

            // Only when no single-digit slip fits the window (not met with windows of years): one day off instead.
            return date.PlusDays(date < latest ? 1 : -1);
        }

        /// <summary>One digit at or after <paramref name="from"/> replaced by another digit.</summary>
        private static string MistypeDigit(ref Xoshiro256StarStar rng, string text, int from)
        {
            var chars = text.ToCharArray();
            var digits = 0;
            for (var i = from; i < chars.Length; i++)
            {
                digits += char.IsAsciiDigit(chars[i]) ? 1 : 0;
            }

            if (digits == 0)
            {
                return text + "0";
            }

            var target = rng.Next(digits);
            for (var i = from; i < chars.Length; i++)
            {
                if (char.IsAsciiDigit(chars[i]) && target-- == 0)
                {
                    chars[i] = (char)('0' + ((chars[i] - '0' + 1 + rng.Next(9)) % 10));
                    break;
                }
            }

            return new string(chars);
        }

        /// <summary>Two adjacent, different characters swapped; <see langword="null"/> when no two adjacent characters differ.</summary>
        private static string? Transpose(ref Xoshiro256StarStar rng, string text)
        {
            var chars = text.ToCharArray();
            var start = rng.Next(chars.Length - 1);
            for (var k = 0; k < chars.Length - 1; k++)
            {
                var i = (start + k) % (chars.Length - 1);
                if (chars[i] != chars[i + 1])
                {
                    (chars[i], chars[i + 1]) = (chars[i + 1], chars[i]);
                    return new string(chars);
                }
            }

            return null;
        }

        private static uint Bits(ErrorKind a) => 1u << (int)a;

        private static uint Bits(ErrorKind a, ErrorKind b) => Bits(a) | Bits(b);

        private static uint Bits(ErrorKind a, ErrorKind b, ErrorKind c) => Bits(a) | Bits(b) | Bits(c);
    }
}
