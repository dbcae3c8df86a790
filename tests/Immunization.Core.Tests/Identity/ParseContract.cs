using FsCheck;
using FsCheck.Fluent;

namespace Immunization.Core.Tests.Identity;

/// <summary>Reads a value the way the identity types' <c>TryParse</c> methods do.</summary>
internal delegate bool TryParser<T>(ReadOnlySpan<char> text, out T value);

/// <summary>The contract every identity value's <c>Parse</c>/<c>TryParse</c> pair keeps, checked in one place.</summary>
internal static class ParseContract
{
    /// <summary>Short texts of digits, separators, a stray combining mark and <c>đ</c>: mostly invalid, sometimes valid.</summary>
    public static Arbitrary<string> NoisyTexts() =>
        Gen.Elements("0123456789 .-+()/x́đ".ToCharArray()).ArrayOf().Select(a => new string(a)).ToArbitrary();

    /// <summary>
    /// TryParse and Parse agree on <paramref name="text"/>: both accept it with the same value (which round-trips through
    /// its text), or TryParse refuses it and Parse throws a <see cref="FormatException"/> that says why.
    /// </summary>
    public static bool TryParseAgreesWithParse<T>(string text, TryParser<T> tryParse, Func<string, T> parse)
        where T : IEquatable<T>
    {
        if (tryParse(text, out var value))
        {
            return parse(text).Equals(value) && parse(value.ToString()!).Equals(value);
        }

        return Record.Exception(() => parse(text)) is FormatException { Message.Length: > 0 };
    }
}
