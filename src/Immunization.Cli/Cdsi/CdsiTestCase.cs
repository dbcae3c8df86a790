using Immunization.Core.Evaluation;
using Immunization.Core.Identity;
using NodaTime;

namespace Immunization.Cli.Cdsi;

/// <summary>An administered dose of a CDC test case with the expected evaluation.</summary>
internal sealed record ExpectedDose(AdministeredDose Dose, string ExpectedStatus, string ExpectedReason);

/// <summary>One row of a CDC CDSi test-case file (healthy or underlying-conditions layout).</summary>
internal sealed record CdsiTestCase(
    string Id,
    int Row,
    LocalDate DateOfBirth,
    Sex Sex,
    IReadOnlyList<PatientObservation> Observations,
    IReadOnlyList<ExpectedDose> Doses,
    string SeriesStatus,
    string ForecastNumber,
    LocalDate? Earliest,
    LocalDate? Recommended,
    LocalDate? PastDue,
    string VaccineGroup,
    LocalDate AssessmentDate);
