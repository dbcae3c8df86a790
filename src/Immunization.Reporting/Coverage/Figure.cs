namespace Immunization.Reporting.Coverage;

/// <summary>
/// One figure of a report: a numerator, an optional denominator (none for plain counts), the value and its flags. The value
/// of a proportion is in percent (numerator / denominator × 100), never clipped; the value of a count is the count.
/// </summary>
public readonly record struct Figure
{
    private Figure(long numerator, long? denominator, FigureFlags flags)
    {
        Numerator = numerator;
        Denominator = denominator;
        Flags = flags;
    }

    /// <summary>The numerator (the count for a plain count).</summary>
    public long Numerator { get; }

    /// <summary>The denominator of a proportion; <see langword="null"/> for a plain count.</summary>
    public long? Denominator { get; }

    /// <summary>What is suspicious about this figure.</summary>
    public FigureFlags Flags { get; }

    /// <summary>The value: a percentage for a proportion (null when the denominator is zero), the count for a count.</summary>
    public double? Value => Denominator switch
    {
        null => Numerator,
        0 => null,
        long d => Numerator * 100.0 / d,
    };

    /// <summary>Creates a plain count.</summary>
    /// <param name="count">The count; a negative count is flagged <see cref="FigureFlags.Negative"/>.</param>
    /// <param name="extra">Flags the caller adds.</param>
    /// <returns>The figure.</returns>
    public static Figure Count(long count, FigureFlags extra = FigureFlags.None) =>
        new(count, null, extra | (count < 0 ? FigureFlags.Negative : FigureFlags.None));

    /// <summary>Creates a proportion, flagged when over 100 %, negative or without a denominator.</summary>
    /// <param name="numerator">The numerator.</param>
    /// <param name="denominator">The denominator.</param>
    /// <param name="extra">Flags the caller adds.</param>
    /// <returns>The figure.</returns>
    public static Figure Proportion(long numerator, long denominator, FigureFlags extra = FigureFlags.None)
    {
        var flags = extra;
        if (denominator == 0)
        {
            flags |= FigureFlags.NoDenominator;
        }
        else if (numerator > denominator)
        {
            flags |= FigureFlags.OverOneHundredPercent;
        }

        if (numerator < 0 || denominator < 0)
        {
            flags |= FigureFlags.Negative;
        }

        return new Figure(numerator, denominator, flags);
    }
}
