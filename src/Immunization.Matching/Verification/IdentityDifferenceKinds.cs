namespace Immunization.Matching.Verification;

/// <summary>The kinds of <see cref="IdentityDifference"/> that say a side has no readable value.</summary>
internal static class IdentityDifferenceKinds
{
    public const string Missing = "missing";
    public const string Invalid = "invalid";
    public const string MissingInRegister = "missing_in_register";
    public const string InvalidInRegister = "invalid_in_register";
}
