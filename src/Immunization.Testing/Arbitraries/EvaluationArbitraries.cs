using Ardalis.GuardClauses;
using FsCheck;
using FsCheck.Fluent;
using Immunization.Core.Evaluation;
using Immunization.Core.Identity;
using Immunization.Core.Schedules;
using NodaTime;

namespace Immunization.Testing.Arbitraries;

/// <summary>
/// FsCheck generators of the inputs of <see cref="CdsiEngine"/>: patients and the doses they were given.
/// </summary>
/// <remarks>
/// Doses are drawn uniformly over a period and over a list of CVX codes (by default every code of the embedded supporting
/// data's CVX map); they come in no particular order, as a register holds them, so properties can check that evaluation
/// does not depend on the order of the doses. The generators do not shrink.
/// </remarks>
/// <example>
/// <code>
/// Prop.ForAll(EvaluationArbitraries.DoseHistories(new LocalDate(2010, 3, 1), new LocalDate(2018, 5, 18)).ToArbitrary(),
///     doses => CdsiEngine.Default.Evaluate(new CdsiPatient(new LocalDate(2010, 1, 1), Sex.Female), doses,
///         new LocalDate(2019, 1, 1)).UnrecognizedDoses.Count == 0);
/// </code>
/// </example>
/// <threadsafety>All members are thread-safe.</threadsafety>
public static class EvaluationArbitraries
{
    private static readonly Lazy<string[]> s_allCvx = new(() =>
        CdsiSupportingData.Embedded.CvxCodes.Select(c => c.Cvx.Value).ToArray());

    private static readonly string?[] s_mvx = [null, "MSD", "PMC", "SKB", "PFR", "MOD"];

    /// <summary>Returns a generator of patients born from 1940 to 2024, of either sex, without observations.</summary>
    /// <returns>The generator.</returns>
    public static Gen<CdsiPatient> Patients() =>
        from day in Gen.Choose(0, (int)Period.Between(new LocalDate(1940, 1, 1), new LocalDate(2024, 12, 31), PeriodUnits.Days).Days)
        from sex in Gen.Elements(Sex.Female, Sex.Male)
        select new CdsiPatient(new LocalDate(1940, 1, 1).PlusDays(day), sex);

    /// <summary>Returns the patients of <see cref="Patients"/> as an arbitrary.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<CdsiPatient> PatientArbitrary() => Patients().ToArbitrary();

    /// <summary>
    /// Returns a generator of 0 to <paramref name="maxDoses"/> doses given from <paramref name="first"/> to
    /// <paramref name="last"/> (inclusive), in no particular order.
    /// </summary>
    /// <param name="first">The earliest date a dose may have.</param>
    /// <param name="last">The latest date a dose may have; not before <paramref name="first"/>.</param>
    /// <param name="cvxCodes">The CVX codes to draw from; by default every code of the embedded supporting data.</param>
    /// <param name="maxDoses">The largest number of doses in one history.</param>
    /// <returns>The generator.</returns>
    /// <exception cref="ArgumentException"><paramref name="last"/> is before <paramref name="first"/>, or no CVX code is given.</exception>
    public static Gen<AdministeredDose[]> DoseHistories(LocalDate first, LocalDate last, IReadOnlyList<string>? cvxCodes = null, int maxDoses = 8)
    {
        Guard.Against.OutOfRange(last, nameof(last), first, LocalDate.MaxIsoValue);
        Guard.Against.Negative(maxDoses);
        var codes = cvxCodes?.ToArray() ?? s_allCvx.Value;
        Guard.Against.Zero(codes.Length, nameof(cvxCodes));
        var days = (int)Period.Between(first, last, PeriodUnits.Days).Days;
        var dose =
            from day in Gen.Choose(0, days)
            from cvx in Gen.Elements(codes)
            from mvx in Gen.Elements(s_mvx)
            select new AdministeredDose(first.PlusDays(day), cvx, mvx);
        return from count in Gen.Choose(0, maxDoses)
               from doses in Gen.ArrayOf(dose, count)
               select doses;
    }
}
