namespace Immunization.Core.Vaccines;

/// <summary>A vaccine product as vaccination records name it: a code (CVX or local) and a readable name.</summary>
/// <remarks>
/// Instances come from a catalogue such as <see cref="VietnamCovidVaccines"/>; two products are equal when their codes are.
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
/// </remarks>
public sealed class VaccineProduct : IEquatable<VaccineProduct>
{
    internal VaccineProduct(string code, VaccineCodeSystem codeSystem, string name, string manufacturer)
    {
        Code = code;
        CodeSystem = codeSystem;
        Name = name;
        Manufacturer = manufacturer;
    }

    /// <summary>The code written in records: digits for a CVX code (<c>"210"</c>), <c>VN-</c> and a name for a local code.</summary>
    public string Code { get; }

    /// <summary>Whether <see cref="Code"/> is a CVX code or a local code.</summary>
    public VaccineCodeSystem CodeSystem { get; }

    /// <summary>The product's usual name, e.g. <c>"AstraZeneca (Vaxzevria)"</c>.</summary>
    public string Name { get; }

    /// <summary>The manufacturer or marketing authorisation holder.</summary>
    public string Manufacturer { get; }

    /// <inheritdoc/>
    public bool Equals(VaccineProduct? other) => other is not null && string.Equals(Code, other.Code, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as VaccineProduct);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Code);

    /// <summary>The code and the name, e.g. <c>"210 AstraZeneca (Vaxzevria)"</c>.</summary>
    public override string ToString() => Code + " " + Name;
}
