using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Text;
using Ardalis.GuardClauses;

namespace Immunization.Core.Records;

/// <summary>
/// The names verification results have in files (<c>links.csv</c>, <c>explanations.csv</c>, work lists): one table for the
/// writers and the readers, so that a name written is a name read. Names are lower-case snake case, e.g. <c>not_found</c>,
/// <c>date_of_birth</c>, <c>day_month_swapped</c>, <c>review_band</c>.
/// </summary>
/// <remarks>
/// The <c>differing_fields</c> column of <c>links.csv</c> is <see cref="FormatDifferences"/>: the differences as
/// <c>field:kind</c> joined by <c>;</c>, preceded by <c>ambiguous:</c><i>reason</i> for an ambiguous record, e.g.
/// <c>ambiguous:tie;full_name:tone_marks</c>; <see cref="TryParseDifferences"/> reads it back.
/// </remarks>
/// <threadsafety>All members are thread-safe.</threadsafety>
public static class VerificationNames
{
    /// <summary>The prefix of the ambiguity reason in the <c>differing_fields</c> column: <c>ambiguous:</c>.</summary>
    public const string AmbiguousPrefix = "ambiguous:";

    private static readonly string[] s_outcomes = ["", "verified", "differs", "ambiguous", "not_found", "not_applicable"];

    private static readonly string[] s_fields = ["citizen_id", "full_name", "date_of_birth", "sex", "phone", "residence"];

    private static readonly string[] s_kinds =
    [
        "", "missing", "invalid", "missing_in_register", "invalid_in_register", "different", "transposition", "substitution",
        "inconsistent_sex", "inconsistent_birth_year", "middle_name", "reordered", "similar", "given_only", "tone_marks",
        "compatible", "day_month_swapped", "one_digit", "same_year",
    ];

    private static readonly string[] s_reasons = ["", "different_valid_citizen_id", "shared_citizen_id", "tie", "review_band", "lookalikes", "citizen_id_only"];

    /// <summary>Gets the name of an outcome: <c>verified</c>, <c>differs</c>, <c>ambiguous</c>, <c>not_found</c> or <c>not_applicable</c>.</summary>
    /// <param name="outcome">The outcome.</param>
    /// <returns>The name.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="outcome"/> is not a defined value.</exception>
    public static string Name(VerificationOutcome outcome) => Lookup(s_outcomes, (int)outcome, nameof(outcome));

    /// <summary>Gets the name of a field: <c>citizen_id</c>, <c>full_name</c>, <c>date_of_birth</c>, <c>sex</c>, <c>phone</c> or <c>residence</c>.</summary>
    /// <param name="field">The field.</param>
    /// <returns>The name.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="field"/> is not a defined value.</exception>
    public static string Name(IdentityField field) => Lookup(s_fields, (int)field, nameof(field));

    /// <summary>Gets the name of a difference kind, e.g. <c>missing_in_register</c> or <c>day_month_swapped</c>.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The name.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is not a defined value.</exception>
    public static string Name(DifferenceKind kind) => Lookup(s_kinds, (int)kind, nameof(kind));

    /// <summary>Gets the name of an ambiguity reason, e.g. <c>different_valid_citizen_id</c> or <c>tie</c>.</summary>
    /// <param name="reason">The reason.</param>
    /// <returns>The name.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="reason"/> is not a defined value.</exception>
    public static string Name(AmbiguityReason reason) => Lookup(s_reasons, (int)reason, nameof(reason));

    /// <summary>Formats a difference as <c>field:kind</c>, e.g. <c>date_of_birth:day_month_swapped</c>.</summary>
    /// <param name="difference">The difference.</param>
    /// <returns>The text.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The field or the kind is not a defined value.</exception>
    public static string Format(IdentityDifference difference) => Name(difference.Field) + ":" + Name(difference.Kind);

    /// <summary>
    /// Formats the <c>differing_fields</c> column of <c>links.csv</c>: the differences as <c>field:kind</c> joined by <c>;</c>,
    /// preceded by <c>ambiguous:</c><i>reason</i> when there is a reason.
    /// </summary>
    /// <param name="differences">The differences, in the order to write.</param>
    /// <param name="reason">The ambiguity reason, or <see langword="null"/>.</param>
    /// <returns>The text, empty when there is neither.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="differences"/> is <see langword="null"/>.</exception>
    public static string FormatDifferences(IReadOnlyList<IdentityDifference> differences, AmbiguityReason? reason)
    {
        Guard.Against.Null(differences);
        if (differences.Count == 0)
        {
            return reason is { } only ? AmbiguousPrefix + Name(only) : "";
        }

        if (differences.Count == 1 && reason is null)
        {
            return Format(differences[0]);
        }

        var text = new StringBuilder(24 * (differences.Count + 1));
        if (reason is { } r)
        {
            text.Append(AmbiguousPrefix).Append(Name(r));
        }

        foreach (var difference in differences)
        {
            if (text.Length > 0)
            {
                text.Append(';');
            }

            text.Append(Name(difference.Field)).Append(':').Append(Name(difference.Kind));
        }

        return text.ToString();
    }

    /// <summary>Reads an outcome's name.</summary>
    /// <param name="text">The name, e.g. <c>not_found</c>.</param>
    /// <param name="outcome">The outcome read.</param>
    /// <returns>Whether <paramref name="text"/> is the name of an outcome (exactly, case-sensitive).</returns>
    public static bool TryParse(ReadOnlySpan<char> text, out VerificationOutcome outcome)
    {
        var at = Find(s_outcomes, text, from: 1);
        outcome = (VerificationOutcome)Math.Max(at, 0);
        return at > 0;
    }

    /// <summary>Reads a field's name.</summary>
    /// <param name="text">The name, e.g. <c>date_of_birth</c>.</param>
    /// <param name="field">The field read.</param>
    /// <returns>Whether <paramref name="text"/> is the name of a field (exactly, case-sensitive).</returns>
    public static bool TryParse(ReadOnlySpan<char> text, out IdentityField field)
    {
        var at = Find(s_fields, text, from: 0);
        field = (IdentityField)Math.Max(at, 0);
        return at >= 0;
    }

    /// <summary>Reads a difference kind's name.</summary>
    /// <param name="text">The name, e.g. <c>day_month_swapped</c>.</param>
    /// <param name="kind">The kind read.</param>
    /// <returns>Whether <paramref name="text"/> is the name of a kind (exactly, case-sensitive).</returns>
    public static bool TryParse(ReadOnlySpan<char> text, out DifferenceKind kind)
    {
        var at = Find(s_kinds, text, from: 1);
        kind = (DifferenceKind)Math.Max(at, 0);
        return at > 0;
    }

    /// <summary>Reads an ambiguity reason's name.</summary>
    /// <param name="text">The name, e.g. <c>review_band</c>.</param>
    /// <param name="reason">The reason read.</param>
    /// <returns>Whether <paramref name="text"/> is the name of a reason (exactly, case-sensitive).</returns>
    public static bool TryParse(ReadOnlySpan<char> text, out AmbiguityReason reason)
    {
        var at = Find(s_reasons, text, from: 1);
        reason = (AmbiguityReason)Math.Max(at, 0);
        return at > 0;
    }

    /// <summary>Reads a difference written as <c>field:kind</c>.</summary>
    /// <param name="text">The text, e.g. <c>full_name:tone_marks</c>.</param>
    /// <param name="difference">The difference read.</param>
    /// <returns>Whether <paramref name="text"/> is a field name, a colon and a kind name.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, out IdentityDifference difference)
    {
        difference = default;
        var colon = text.IndexOf(':');
        if (colon < 0 || !TryParse(text[..colon], out IdentityField field) || !TryParse(text[(colon + 1)..], out DifferenceKind kind))
        {
            return false;
        }

        difference = new IdentityDifference(field, kind);
        return true;
    }

    /// <summary>
    /// Reads the <c>differing_fields</c> column of <c>links.csv</c> as <see cref="FormatDifferences"/> writes it; parts are
    /// separated by <c>;</c> and trimmed, empty parts skipped.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="differences">The differences, in the order written.</param>
    /// <param name="reason">The ambiguity reason, or <see langword="null"/> when there is none.</param>
    /// <returns>
    /// Whether every part is a difference (<c>field:kind</c>) or an ambiguity reason (<c>ambiguous:reason</c>), with at most one
    /// reason.
    /// </returns>
    public static bool TryParseDifferences(ReadOnlySpan<char> text, out ImmutableArray<IdentityDifference> differences, out AmbiguityReason? reason)
    {
        differences = [];
        reason = null;
        List<IdentityDifference>? list = null;
        foreach (var range in text.Split(';'))
        {
            var part = text[range].Trim();
            if (part.IsEmpty)
            {
                continue;
            }

            if (part.StartsWith(AmbiguousPrefix, StringComparison.Ordinal))
            {
                if (reason is not null || !TryParse(part[AmbiguousPrefix.Length..], out AmbiguityReason read))
                {
                    reason = null;
                    return false;
                }

                reason = read;
            }
            else if (TryParse(part, out IdentityDifference difference))
            {
                (list ??= []).Add(difference);
            }
            else
            {
                reason = null;
                return false;
            }
        }

        if (list is not null)
        {
            differences = ImmutableCollectionsMarshal.AsImmutableArray(list.ToArray());
        }

        return true;
    }

    private static string Lookup(string[] names, int index, string parameter) =>
        (uint)index < (uint)names.Length && names[index].Length > 0
            ? names[index]
            : throw new ArgumentOutOfRangeException(parameter, index, "Not a defined value.");

    private static int Find(string[] names, ReadOnlySpan<char> text, int from)
    {
        for (var i = from; i < names.Length; i++)
        {
            if (text.SequenceEqual(names[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
