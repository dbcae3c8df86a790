namespace Immunization.Reporting.Coverage;

/// <summary>The state of the identity number written on a vaccination record.</summary>
public enum IdentityNumberState
{
    /// <summary>A number that parses as a CCCD or CMND.</summary>
    Valid = 0,

    /// <summary>No number on the record.</summary>
    Missing = 1,

    /// <summary>A number that does not parse.</summary>
    Invalid = 2,
}
