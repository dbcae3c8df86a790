using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Immunization.Core.Identity;
using Immunization.Testing.Arbitraries;

namespace Immunization.Core.Tests.Identity;

/// <summary>
/// The rule shared by every identity value: a <see cref="FormatException"/> says what is wrong without repeating the input,
/// which is personal data, and is well-formed UTF-16 (no half of a surrogate pair cut out of the input).
/// </summary>
public sealed class IdentityErrorMessagesTests
{
    // Characters to damage valid values with: digits, separators, Vietnamese and other letters, a Cyrillic look-alike,
    // combining marks, symbols, controls, and both halves of an emoji.
    private static readonly char[] s_noise =
        "0123456789 .-+()/_'#@xXđĐễỷ\u0422\u0391\u0301\u0303\u0007\uFF21\ud83d\ude00".ToCharArray();

    /// <summary>Whether <paramref name="text"/> is valid UTF-16: every surrogate is half of a pair.</summary>
    internal static bool IsWellFormedUtf16(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    // Random text, or a valid value's text damaged by inserting, replacing or deleting characters: mostly invalid input
    // that looks like real personal data.
    private static Gen<string> Damaged(Gen<string> valid) =>
        Gen.OneOf(
            ArbMap.Default.ArbFor<NonNull<string>>().Generator.Select(s => s.Get),
            from text in valid
            from edits in Gen.Choose(1, 3)
            from operations in Gen.Choose(0, 2).ArrayOf(edits)
            from positions in Gen.Choose(0, 1000).ArrayOf(edits)
            from characters in Gen.Elements(s_noise).ArrayOf(edits)
            select Damage(text, operations, positions, characters));

    private static string Damage(string text, int[] operations, int[] positions, char[] characters)
    {
        var builder = new StringBuilder(text);
        for (var i = 0; i < operations.Length; i++)
        {
            var at = positions[i] % (builder.Length + 1);
            switch (operations[i])
            {
                case 0:
                    builder.Insert(at, characters[i]);
                    break;
                case 1 when at < builder.Length:
                    builder[at] = characters[i];
                    break;
                default:
                    if (at < builder.Length)
                    {
                        builder.Remove(at, 1);
                    }

                    break;
            }
        }

        return builder.ToString();
    }

    // Whether the message of the exception Parse throws for text (if any) keeps the input out: not the whole input (when
    // 3 characters or longer), none of its runs of at least minDigits digits (part of an identity or phone number, a
    // year of birth), and valid UTF-16.
    // Whether the message holds the text only because its own wording does ("s a" in "dashes and"): the message for the
    // same shape with other letters and digits still holds it.
    private static bool InWording(string trimmed, string text, Action<string> parse)
    {
        var other = new string([.. text.Select(c => char.IsAsciiDigit(c) ? (c == '0' ? '1' : '0') : char.IsLetter(c) ? (c == 'x' ? 'y' : 'x') : c)]);
        var message = Record.Exception(() => parse(other))?.Message;
        return message is not null && message.Contains(trimmed, StringComparison.Ordinal);
    }

    private static bool MessageKeepsInputOut(string text, Action<string> parse, int minDigits)
    {
        var message = Record.Exception(() => parse(text))?.Message;
        if (message is null)
        {
            return true;
        }

        var trimmed = text.Trim();
        if (trimmed.Length >= 3 && message.Contains(trimmed, StringComparison.Ordinal) && !InWording(trimmed, text, parse))
        {
            return false;
        }

        for (var start = 0; start < text.Length; start++)
        {
            var end = start;
            while (end < text.Length && char.IsAsciiDigit(text[end]))
            {
                end++;
            }

            if (end - start >= minDigits && message.Contains(text.AsSpan(start, end - start), StringComparison.Ordinal))
            {
                return false;
            }

            start = end;
        }

        return IsWellFormedUtf16(message);
    }

    private static Property Holds(Gen<string> valid, Action<string> parse, int minDigits = 6) =>
        Prop.ForAll(Damaged(valid).ToArbitrary(), text => MessageKeepsInputOut(text, parse, minDigits));

    [Property(MaxTest = 500)]
    public Property CitizenId_InvalidInput_MessageNeverRepeatsIt() =>
        Holds(IdentityArbitraries.CitizenIds().Select(id => id.ToString()), text => CitizenId.Parse(text));

    [Property(MaxTest = 500)]
    public Property PersonName_InvalidInput_MessageNeverRepeatsIt() =>
        Holds(IdentityArbitraries.PersonNameTexts(), text => PersonName.Parse(text));

    [Property(MaxTest = 500)]
    public Property PartialDate_InvalidInput_MessageNeverRepeatsIt() =>
        Holds(
            from date in IdentityArbitraries.PartialDates()
            from vietnamese in Gen.Elements(true, false)
            select vietnamese && date.Precision == DatePrecision.Day
                ? string.Create(CultureInfo.InvariantCulture, $"{date.Day:D2}/{date.Month:D2}/{date.Year:D4}")
                : date.ToString(),
            text => PartialDate.Parse(text),
            minDigits: 4);

    [Property(MaxTest = 500)]
    public Property PhoneNumber_InvalidInput_MessageNeverRepeatsIt() =>
        Holds(IdentityArbitraries.PhoneNumbersWithWriting().Select(p => p.Text), text => PhoneNumber.Parse(text));

    [Theory]
    [InlineData("s a")]
    [InlineData(" s a ")]
    public void PhoneNumber_InputInTheMessagesOwnWording_NotTakenForALeak(string text) =>
        Assert.True(MessageKeepsInputOut(text, t => PhoneNumber.Parse(t), 6));

    [Fact]
    public void MessageKeepsInputOut_MessageEchoingTheInput_False() =>
        Assert.False(MessageKeepsInputOut("Lan Anh", t => throw new FormatException($"The name {t} is not valid."), 6));

    [Theory]
    [InlineData("001090\U0001F60012345")]
    [InlineData("Nguyễn Văn \U0001F600")]
    [InlineData("03/05/\U0001F600990")]
    [InlineData("0912 \U0001F600 345 678")]
    public void Parse_Emoji_MessageIsWellFormedAndNamesNoCharacter(string text)
    {
        Exception?[] errors =
        [
            Record.Exception(() => CitizenId.Parse(text)),
            Record.Exception(() => PersonName.Parse(text)),
            Record.Exception(() => PartialDate.Parse(text)),
            Record.Exception(() => PhoneNumber.Parse(text)),
        ];

        Assert.All(errors, e =>
        {
            var error = Assert.IsType<FormatException>(e);
            Assert.True(IsWellFormedUtf16(error.Message), error.Message);
            Assert.DoesNotContain('\ud83d', error.Message);
        });
    }
}
