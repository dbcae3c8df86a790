using Immunization.Core.Text;

namespace Immunization.Core.Identity;

/// <summary>
/// Reads <see cref="Sex"/> from the codes people and systems write: <c>M</c>/<c>F</c>, <c>Nam</c>/<c>Nữ</c>
/// (also <c>Nu</c>, without the tone mark), <c>Male</c>/<c>Female</c>.
/// </summary>
/// <remarks>
/// Matching ignores case, tone marks and other diacritics, and surrounding white space, so <c>NỮ</c>, <c>nữ</c>,
/// <c>Nu</c> and <c>nu&#x0303;</c> (decomposed) all read as <see cref="Sex.Female"/>.
/// </remarks>
/// <threadsafety>All members are thread-safe.</threadsafety>
public static class SexCodes
{
    private const int MaxCodeLength = 16;

    /// <summary>Tries to read a sex code.</summary>
    /// <param name="text">The code, e.g. <c>"Nữ"</c>.</param>
    /// <param name="sex">The sex read; <see cref="Sex.Unknown"/> when the method returns <see langword="false"/>.</param>
    /// <returns><see langword="true"/> when <paramref name="text"/> is one of the known codes.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, out Sex sex)
    {
        sex = Sex.Unknown;
        text = text.Trim();
        if (text.IsEmpty || text.Length > MaxCodeLength)
        {
            return false;
        }

        Span<char> folded = stackalloc char[MaxCodeLength];
        var length = VietnameseText.Fold(text, folded);
        sex = folded[..length] switch
        {
            "m" or "nam" or "male" => Sex.Male,
            "f" or "nu" or "female" => Sex.Female,
            _ => Sex.Unknown,
        };
        return sex != Sex.Unknown;
    }

    /// <summary>Reads a sex code.</summary>
    /// <param name="text">The code, e.g. <c>"Nam"</c>.</param>
    /// <returns><see cref="Sex.Male"/> or <see cref="Sex.Female"/>.</returns>
    /// <exception cref="FormatException"><paramref name="text"/> is not one of the known codes.</exception>
    public static Sex Parse(ReadOnlySpan<char> text) =>
        TryParse(text, out var sex)
            ? sex
            : throw new FormatException("A sex code must be M, F, Nam, Nữ (or Nu), Male or Female.");

    /// <summary>The Vietnamese word for <paramref name="sex"/>: <c>Nam</c>, <c>Nữ</c>, or an empty string for <see cref="Sex.Unknown"/>.</summary>
    /// <param name="sex">The sex.</param>
    /// <returns>The word as printed on Vietnamese forms.</returns>
    public static string ToVietnamese(Sex sex) => sex switch
    {
        Sex.Male => "Nam",
        Sex.Female => "Nữ",
        _ => string.Empty,
    };
}
