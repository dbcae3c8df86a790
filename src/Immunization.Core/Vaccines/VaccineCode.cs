namespace Immunization.Core.Vaccines;

/// <summary>
/// A vaccine code: a CDC CVX code (digits, e.g. <c>3</c> for MMR) or a local code of this project (e.g.
/// <c>VN-ABDALA</c>), normalised once: trimmed, and a code of digits without its leading zeros (<c>03</c> and <c>3</c>
/// are the same code). Compared as a value (ordinal).
/// </summary>
/// <remarks><c>default(VaccineCode)</c> is the empty code (<see cref="IsEmpty"/>); <see cref="Parse"/> never returns it.</remarks>
/// <threadsafety>An immutable value; safe to share between threads.</threadsafety>
public readonly struct VaccineCode : IEquatable<VaccineCode>
{
    private readonly string? _value;

    private VaccineCode(string value) => _value = value;

    /// <summary>The normalised code, e.g. <c>3</c> or <c>VN-ABDALA</c>; empty for <c>default</c>.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Whether this is the empty code (<c>default(VaccineCode)</c>).</summary>
    public bool IsEmpty => string.IsNullOrEmpty(_value);

    /// <summary>The code system: <see cref="VaccineCodeSystem.Cvx"/> for digits, <see cref="VaccineCodeSystem.Local"/> for
    /// <c>VN-</c> codes, otherwise <see cref="VaccineCodeSystem.Unknown"/>.</summary>
    public VaccineCodeSystem System
    {
        get
        {
            var value = Value;
            if (value.Length == 0)
            {
                return VaccineCodeSystem.Unknown;
            }

            if (value.AsSpan().ContainsAnyExceptInRange('0', '9'))
            {
                return value.StartsWith("VN-", StringComparison.Ordinal) ? VaccineCodeSystem.Local : VaccineCodeSystem.Unknown;
            }

            return VaccineCodeSystem.Cvx;
        }
    }

    /// <summary>Reads a code: trims it and removes the leading zeros of a code of digits.</summary>
    /// <param name="text">The code as written, e.g. <c> 03 </c>.</param>
    /// <returns>The code, e.g. <c>3</c>.</returns>
    /// <exception cref="FormatException"><paramref name="text"/> is null, empty or white space.</exception>
    public static VaccineCode Parse(string? text) =>
        TryParse(text, out var code) ? code : throw new FormatException("A vaccine code is empty.");

    /// <summary>Reads a code: trims it and removes the leading zeros of a code of digits.</summary>
    /// <param name="text">The code as written.</param>
    /// <param name="code">The code, or <c>default</c>.</param>
    /// <returns><see langword="true"/> unless <paramref name="text"/> is null, empty or white space.</returns>
    public static bool TryParse(string? text, out VaccineCode code)
    {
        code = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        code = new VaccineCode(Normalize(text));
        return true;
    }

    /// <inheritdoc/>
    public bool Equals(VaccineCode other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is VaccineCode other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    /// <summary>The normalised code.</summary>
    /// <returns><see cref="Value"/>.</returns>
    public override string ToString() => Value;

    /// <summary>Whether two codes are the same.</summary>
    /// <param name="left">A code.</param>
    /// <param name="right">Another code.</param>
    /// <returns><see langword="true"/> if equal.</returns>
    public static bool operator ==(VaccineCode left, VaccineCode right) => left.Equals(right);

    /// <summary>Whether two codes differ.</summary>
    /// <param name="left">A code.</param>
    /// <param name="right">Another code.</param>
    /// <returns><see langword="true"/> if not equal.</returns>
    public static bool operator !=(VaccineCode left, VaccineCode right) => !left.Equals(right);

    /// <summary>The one normalisation of vaccine codes (also used for the codes in schedules): trimmed; leading zeros
    /// removed (the last character is kept, so <c>0</c> stays <c>0</c>).</summary>
    internal static string Normalize(ReadOnlySpan<char> text)
    {
        var (start, length) = NormalizedRange(text);
        return text.Slice(start, length).ToString();
    }

    /// <summary>As <see cref="Normalize(ReadOnlySpan{char})"/>, returning <paramref name="text"/> itself when it is
    /// already normalised (the usual case: no string is allocated per dose evaluated).</summary>
    internal static string Normalize(string text)
    {
        var (start, length) = NormalizedRange(text);
        return start == 0 && length == text.Length ? text : text.Substring(start, length);
    }

    /// <summary>Compares two codes as their normalised forms would compare ordinally, without allocating them.</summary>
    internal static int CompareNormalized(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        var (startA, lengthA) = NormalizedRange(a);
        var (startB, lengthB) = NormalizedRange(b);
        return a.Slice(startA, lengthA).SequenceCompareTo(b.Slice(startB, lengthB));
    }

    private static (int Start, int Length) NormalizedRange(ReadOnlySpan<char> text)
    {
        var start = 0;
        while (start < text.Length && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        var end = text.Length;
        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        while (start < end - 1 && text[start] == '0')
        {
            start++;
        }

        return (start, end - start);
    }
}
