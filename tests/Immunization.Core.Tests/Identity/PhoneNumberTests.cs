using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Immunization.Core.Identity;
using Immunization.Testing.Arbitraries;

namespace Immunization.Core.Tests.Identity;

public sealed class PhoneNumberTests
{
    [Theory]
    [InlineData("0912345678")]
    [InlineData("+84912345678")]
    [InlineData("+84 912 345 678")]
    [InlineData("84912345678")]
    [InlineData("0084912345678")]
    [InlineData("0084-912-345-678")]
    [InlineData("(091) 234.5678")]
    [InlineData("912345678")]
    [InlineData("+84 (0) 912 345 678")]
    public void Parse_CommonWritings_NormaliseToOneNumber(string text)
    {
        var phone = PhoneNumber.Parse(text);

        Assert.Equal("0912345678", phone.ToString());
        Assert.Equal("+84912345678", phone.ToE164());
        Assert.Equal(PhoneNumberKind.Mobile, phone.Kind);
    }

    [Theory]
    [InlineData("01662345678", "0362345678")]
    [InlineData("0162 234 5678", "0322345678")]
    [InlineData("01692345678", "0392345678")]
    [InlineData("01202345678", "0702345678")]
    [InlineData("01212345678", "0792345678")]
    [InlineData("01222345678", "0772345678")]
    [InlineData("01262345678", "0762345678")]
    [InlineData("01282345678", "0782345678")]
    [InlineData("01232345678", "0832345678")]
    [InlineData("01242345678", "0842345678")]
    [InlineData("01252345678", "0852345678")]
    [InlineData("01272345678", "0812345678")]
    [InlineData("01292345678", "0822345678")]
    [InlineData("01862345678", "0562345678")]
    [InlineData("01882345678", "0582345678")]
    [InlineData("01992345678", "0592345678")]
    [InlineData("+84 1662345678", "0362345678")]
    public void Parse_Legacy11DigitMobile_EqualsItsNewForm(string legacy, string current)
    {
        var old = PhoneNumber.Parse(legacy);
        var now = PhoneNumber.Parse(current);

        Assert.Equal(now, old);
        Assert.Equal(now.GetHashCode(), old.GetHashCode());
        Assert.Equal(current, old.ToString());
        Assert.Equal(legacy.Replace(" ", "", StringComparison.Ordinal).Replace("+84", "0", StringComparison.Ordinal), now.ToLegacyMobileForm());
    }

    [Theory]
    [InlineData("024 3825 1234", "02438251234")]
    [InlineData("+84 28 3829 1234", "02838291234")]
    [InlineData("0236.382.1234", "02363821234")]
    public void Parse_Landline_Normalises(string text, string national)
    {
        var phone = PhoneNumber.Parse(text);

        Assert.Equal(PhoneNumberKind.Landline, phone.Kind);
        Assert.Equal(national, phone.ToString());
        Assert.Null(phone.ToLegacyMobileForm());
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("091234567", "A mobile number has 10 digits with its leading 0; found 9.")]
    [InlineData("09123456789", "found 11")]
    [InlineData("0243825123", "A landline number has 11 digits")]
    [InlineData("01302345678", "converted in 2018")]
    [InlineData("+1 650 555 1234", "+84")]
    [InlineData("0091234567890", "0084")]
    [InlineData("0912-345-67x", "found a letter at position 12")]
    [InlineData("0912 345 67\U0001F600", "found a character outside the Basic Multilingual Plane (such as an emoji) at position 12")]
    [InlineData("04 3825 1234", "before 2017")]
    [InlineData("1900 1234", "A service number (free-phone or premium-rate) is not a personal phone number.")]
    [InlineData("1800 1234 56", "A service number")]
    [InlineData("0112345678", "A legacy mobile number has 11 digits with its leading 0; found 10.")]
    [InlineData("1", "A legacy mobile number has 11 digits with its leading 0, or 10 without it; found 1.")]
    [InlineData("+", "+84")]
    [InlineData("+84", "no digits")]
    [InlineData("0", "no digits")]
    [InlineData("+84 +84 912345678", "A '+' may only start a phone number; found one at position 5.")]
    [InlineData("999185000123", "A mobile number has 10 digits with its leading 0, or 9 without it; found 12.")]
    [InlineData("91234567", "A mobile number has 10 digits with its leading 0, or 9 without it; found 8.")]
    [InlineData("+84 912 345 67", "A mobile number has 9 digits after the country code 84; found 8.")]
    [InlineData("0084 912 345 6789", "A mobile number has 9 digits after the country code 84; found 10.")]
    [InlineData("243825123", "A landline number has 11 digits with its leading 0, or 10 without it; found 9.")]
    [InlineData("+84 24 3825 123", "A landline number has 10 digits after the country code 84; found 9.")]
    [InlineData("0000000000", "A phone number of only zeros is a placeholder, not a real number.")]
    [InlineData("000 912 345 678", "A phone number cannot start with 000.")]
    [InlineData("0312345678", "not one of the allocated mobile prefixes")]
    [InlineData("0302345678", "not one of the allocated mobile prefixes")]
    [InlineData("0512345678", "not one of the allocated mobile prefixes")]
    [InlineData("0532345678", "not one of the allocated mobile prefixes")]
    [InlineData("0712345678", "not one of the allocated mobile prefixes")]
    [InlineData("0752345678", "not one of the allocated mobile prefixes")]
    [InlineData("0802345678", "not one of the allocated mobile prefixes")]
    [InlineData("+84 31 234 5678", "not one of the allocated mobile prefixes")]
    [InlineData("02172345678", "not one of the 63 provincial area codes")]
    [InlineData("02002345678", "not one of the 63 provincial area codes")]
    [InlineData("02232345678", "not one of the 63 provincial area codes")]
    [InlineData("02952345678", "not one of the 63 provincial area codes")]
    public void Parse_Invalid_ThrowsWithReason(string text, string reason)
    {
        var ex = Assert.Throws<FormatException>(() => PhoneNumber.Parse(text));

        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
        if (text.Length >= 7)
        {
            Assert.DoesNotContain(text, ex.Message, StringComparison.Ordinal);
        }

        Assert.True(IdentityErrorMessagesTests.IsWellFormedUtf16(ex.Message));

        Assert.False(PhoneNumber.TryParse(text, out var result));
        Assert.Equal(default, result);
    }

    [Theory]
    [InlineData("0322345678")]
    [InlineData("0392345678")]
    [InlineData("0522345678")]
    [InlineData("0552345678")]
    [InlineData("0562345678")]
    [InlineData("0582345678")]
    [InlineData("0592345678")]
    [InlineData("0702345678")]
    [InlineData("0762345678")]
    [InlineData("0792345678")]
    [InlineData("0812345678")]
    [InlineData("0862345678")]
    [InlineData("0872345678")]
    [InlineData("0882345678")]
    [InlineData("0892345678")]
    [InlineData("0902345678")]
    [InlineData("0922345678")]
    [InlineData("0952345678")]
    [InlineData("0992345678")]
    public void Parse_AllocatedMobilePrefixes_Accepted(string text)
    {
        Assert.Equal(PhoneNumberKind.Mobile, PhoneNumber.Parse(text).Kind);
        Assert.Equal(text, PhoneNumber.Parse(text).ToString());
    }

    [Theory]
    [InlineData("02033821234")]
    [InlineData("02163821234")]
    [InlineData("02183821234")]
    [InlineData("02223821234")]
    [InlineData("02253821234")]
    [InlineData("02393821234")]
    [InlineData("02523821234")]
    [InlineData("02633821234")]
    [InlineData("02693821234")]
    [InlineData("02773821234")]
    [InlineData("02943821234")]
    [InlineData("02993821234")]
    public void Parse_ProvincialAreaCodes_Accepted(string text)
    {
        Assert.Equal(PhoneNumberKind.Landline, PhoneNumber.Parse(text).Kind);
        Assert.Equal(text, PhoneNumber.Parse(text).ToString());
    }

    [Fact]
    public void Default_IsNone()
    {
        Assert.Equal(PhoneNumberKind.None, default(PhoneNumber).Kind);
        Assert.Equal(string.Empty, default(PhoneNumber).ToString());
        Assert.Equal(string.Empty, default(PhoneNumber).ToE164());
    }

    [Property]
    public Property AnyWriting_ParsesToTheNumber() =>
        Prop.ForAll(IdentityArbitraries.PhoneNumbersWithWriting().ToArbitrary(), p => PhoneNumber.Parse(p.Text) == p.Number);

    [Property]
    public Property NationalAndE164_RoundTrip() =>
        Prop.ForAll(IdentityArbitraries.PhoneNumberArbitrary(), p =>
            PhoneNumber.Parse(p.ToString()) == p && PhoneNumber.Parse(p.ToE164()) == p);

    [Property]
    public Property LegacyForm_EqualsNewForm() =>
        Prop.ForAll(IdentityArbitraries.MobileNumbers().ToArbitrary(), p =>
        {
            var legacy = p.ToLegacyMobileForm();
            return legacy is null || (PhoneNumber.Parse(legacy) == p && PhoneNumber.Parse(legacy).GetHashCode() == p.GetHashCode());
        });

    [Property]
    public Property Equality_ConsistentWithHashAndText() =>
        Prop.ForAll(IdentityArbitraries.PhoneNumberArbitrary(), IdentityArbitraries.PhoneNumberArbitrary(), (a, b) =>
            (a == b) == (a.ToString() == b.ToString()) && (!(a == b) || a.GetHashCode() == b.GetHashCode()) && (a != b) == !a.Equals(b));

    [Property]
    public bool TryParse_AnyText_NeverThrowsAndRoundTrips(NonNull<string> text) =>
        !PhoneNumber.TryParse(text.Get, out var value) || PhoneNumber.Parse(value.ToString()) == value;

    [Property]
    public Property TryParse_NoisyText_AgreesWithParse() =>
        Prop.ForAll(ParseContract.NoisyTexts(), text =>
            ParseContract.TryParseAgreesWithParse<PhoneNumber>(text, PhoneNumber.TryParse, s => PhoneNumber.Parse(s)));

    [Theory]
    [InlineData("0912345678", 912345678L)]
    [InlineData("+84 28 3829 1234", 2838291234L)]
    [InlineData("01242345678", 842345678L)]
    public void NationalNumber_ParsedPhone_IsTheDigitsAfterTheLeadingZero(string text, long national)
    {
        var phone = PhoneNumber.Parse(text);

        Assert.Equal(national, phone.NationalNumber);
        Assert.Equal(phone.ToString()[1..], phone.NationalNumber.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void NationalNumber_Default_IsZero() => Assert.Equal(0L, default(PhoneNumber).NationalNumber);
}
