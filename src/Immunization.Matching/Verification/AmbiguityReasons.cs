namespace Immunization.Matching.Verification;

/// <summary>The values of <see cref="RecordLink.AmbiguityReason"/>.</summary>
internal static class AmbiguityReasons
{
    public const string DifferentValidCitizenId = "different_valid_citizen_id";
    public const string SharedCitizenId = "shared_citizen_id";
    public const string Tie = "tie";
    public const string ReviewBand = "review_band";
}
