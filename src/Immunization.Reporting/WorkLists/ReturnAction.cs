namespace Immunization.Reporting.WorkLists;

/// <summary>What the commune police answered for one record of a work list.</summary>
public enum ReturnAction
{
    /// <summary>The record is right as it is.</summary>
    Confirmed = 0,

    /// <summary>Fields of the record are corrected.</summary>
    Corrected = 1,

    /// <summary>The police could not verify the record.</summary>
    CouldNotVerify = 2,
}
