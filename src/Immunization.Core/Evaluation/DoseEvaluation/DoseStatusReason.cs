using System.Collections.ObjectModel;
using Ardalis.GuardClauses;
using Immunization.Core.Identity;
using Immunization.Core.Schedules;
using NodaTime;

namespace Immunization.Core.Evaluation;

/// <summary>Why a dose has its status.</summary>
public enum DoseStatusReason : byte
{
    /// <summary>No particular reason: the dose is valid.</summary>
    None = 0,

    /// <summary>Valid, but given within the 4-day grace period before the minimum age or interval.</summary>
    GracePeriod,

    /// <summary>Given before the absolute minimum age.</summary>
    TooYoung,

    /// <summary>Given on or after the maximum age (extraneous).</summary>
    TooOld,

    /// <summary>Given before the absolute minimum interval after an earlier dose.</summary>
    TooSoon,

    /// <summary>Given too soon after a live virus vaccine.</summary>
    LiveVirusConflict,

    /// <summary>The vaccine is an inadvertent administration for this dose (e.g. an adult formulation given to an infant).</summary>
    InadvertentVaccine,

    /// <summary>The vaccine is neither a preferable nor an allowable vaccine for the dose at that age.</summary>
    NotPreferableOrAllowable,

    /// <summary>The series was already complete (extraneous).</summary>
    SeriesAlreadyComplete,

    /// <summary>The dose has a condition (expired, recalled...).</summary>
    DoseCondition,
}
