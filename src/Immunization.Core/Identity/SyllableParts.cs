using System.Runtime.CompilerServices;

namespace Immunization.Core.Identity;

/// <summary>The display forms of a name's syllables while the name is assembled, on the stack (names have a handful).</summary>
[InlineArray(Length)]
internal struct SyllableParts
{
    /// <summary>The most syllables held; a longer name is normalised as a whole.</summary>
    public const int Length = 16;

    private string? _element;
}
