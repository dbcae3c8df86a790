using Immunization.Core.Evaluation;
using Immunization.Core.Identity;
using NodaTime;

namespace Immunization.Core.Tests.Evaluation;

public sealed class CdsiPatientTests
{
    [Fact]
    public void Constructor_CopiesObservations_LaterChangesDoNotLeakIn()
    {
        var observations = new List<PatientObservation> { new("048", new LocalDate(2025, 1, 1)) };

        var patient = new CdsiPatient(new LocalDate(2024, 1, 15), Sex.Male, observations);
        observations.Add(new PatientObservation("007"));

        Assert.Single(patient.Observations);
        Assert.False(patient.Observations is List<PatientObservation>);
    }

    [Fact]
    public void Constructor_WithoutObservations_HasNone() =>
        Assert.Empty(new CdsiPatient(new LocalDate(2024, 1, 15), Sex.Female).Observations);
}
