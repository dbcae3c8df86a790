namespace Immunization.Matching.Verification;

/// <summary>
/// Checks on the "ends" array of a text cut into entries (entry i runs from <c>ends[i - 1]</c>, or 0, to <c>ends[i]</c>),
/// as <see cref="PersonIds"/> and <see cref="TokenTable"/> keep theirs; used when a snapshot is loaded.
/// </summary>
internal static class TextEnds
{
    /// <summary>Whether every end lies within the text, none is before the one before it, and the last is the text's end.</summary>
    public static bool CoverText(ReadOnlySpan<int> ends, int textLength)
    {
        var previous = 0;
        foreach (var end in ends)
        {
            if (end < previous || end > textLength)
            {
                return false;
            }

            previous = end;
        }

        return previous == textLength;
    }
}
