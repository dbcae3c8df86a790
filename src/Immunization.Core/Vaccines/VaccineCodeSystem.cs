namespace Immunization.Core.Vaccines;

/// <summary>The code system a vaccine code belongs to.</summary>
public enum VaccineCodeSystem : byte
{
    /// <summary>Not known.</summary>
    Unknown = 0,

    /// <summary>CDC's CVX codes (the code list in CDSi's supporting data), e.g. <c>210</c> for AstraZeneca.</summary>
    Cvx = 1,

    /// <summary>
    /// A code of this project for a product that has no CVX code. Local codes start with <c>VN-</c>, so they never collide
    /// with CVX codes, which are digits only.
    /// </summary>
    Local = 2,
}
