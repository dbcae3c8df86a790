using Ardalis.GuardClauses;

namespace Immunization.Core.Schedules;

/// <summary>A coded observation a schedule knows (an indication or contraindication), e.g. <c>007</c> pregnant.</summary>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed class Observation
{
    /// <summary>Creates an observation.</summary>
    /// <param name="code">The observation code.</param>
    /// <param name="title">Its title.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public Observation(string code, string title)
    {
        Code = Guard.Against.Null(code);
        Title = Guard.Against.Null(title);
    }

    /// <summary>The observation code, e.g. <c>007</c>.</summary>
    public string Code { get; }

    /// <summary>Its title.</summary>
    public string Title { get; }

    /// <inheritdoc/>
    public override string ToString() => Code;
}
