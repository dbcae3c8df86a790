using System.Numerics;
using System.Text;

namespace Immunization.Testing.Synthetic;

/// <summary>A set of <see cref="ErrorKind"/> values: the errors one generated record carries.</summary>
/// <remarks><threadsafety>Immutable value; safe to share between threads.</threadsafety></remarks>
public readonly struct ErrorSet : IEquatable<ErrorSet>
{
    private readonly uint _bits;

    internal ErrorSet(uint bits) => _bits = bits;

    internal uint Bits => _bits;

    /// <summary>The empty set.</summary>
    public static ErrorSet None => default;

    /// <summary>Whether the set is empty.</summary>
    public bool IsEmpty => _bits == 0;

    /// <summary>The number of kinds in the set.</summary>
    public int Count => BitOperations.PopCount(_bits);

    /// <summary>Whether <paramref name="kind"/> is in the set.</summary>
    public bool Contains(ErrorKind kind) => (_bits & Bit(kind)) != 0;

    /// <summary>The set with <paramref name="kind"/> added.</summary>
    public ErrorSet With(ErrorKind kind) => new(_bits | Bit(kind));

    /// <summary>The kinds in the set, in the order of <see cref="ErrorKind"/>.</summary>
    public IEnumerable<ErrorKind> Kinds()
    {
        for (var k = 0; k < ErrorRates.KindCount; k++)
        {
            if ((_bits & (1u << k)) != 0)
            {
                yield return (ErrorKind)k;
            }
        }
    }

    /// <inheritdoc/>
    public bool Equals(ErrorSet other) => _bits == other._bits;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ErrorSet other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => (int)_bits;

    /// <summary>The kinds' names separated by <c>|</c>, or <c>none</c>.</summary>
    public override string ToString()
    {
        if (_bits == 0)
        {
            return "none";
        }

        var builder = new StringBuilder();
        foreach (var kind in Kinds())
        {
            builder.Append(builder.Length == 0 ? string.Empty : "|").Append(kind.ToString());
        }

        return builder.ToString();
    }

    /// <summary>Whether two sets hold the same kinds.</summary>
    public static bool operator ==(ErrorSet left, ErrorSet right) => left.Equals(right);

    /// <summary>Whether two sets differ.</summary>
    public static bool operator !=(ErrorSet left, ErrorSet right) => !left.Equals(right);

    private static uint Bit(ErrorKind kind) => 1u << (int)kind;
}
