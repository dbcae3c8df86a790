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

    [Fact]
    public void Constructor_DefaultDateOfBirth_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => new CdsiPatient(default, Sex.Female));

        Assert.Equal("dateOfBirth", ex.ParamName);
        Assert.Contains("not set", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Observations_CannotBeChangedThroughACast() =>
        Assert.Throws<NotSupportedException>(() => ((IList<PatientObservation>)new CdsiPatient(new LocalDate(2024, 1, 15), Sex.Male, [new("048")]).Observations).Clear());
}
