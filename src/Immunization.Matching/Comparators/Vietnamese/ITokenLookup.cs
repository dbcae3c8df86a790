namespace Immunization.Matching.Comparators.Vietnamese;

/// <summary>A read-only interning table: the id of a token's text, if it holds it.</summary>
internal interface ITokenLookup
{
    /// <summary>Finds the id of <paramref name="text"/>.</summary>
    /// <param name="text">The token's text (a full name under its prefix).</param>
    /// <param name="value">The id when found.</param>
    /// <returns>Whether the table holds <paramref name="text"/>.</returns>
    bool TryGetValue(ReadOnlySpan<char> text, out int value);
}
