using Ardalis.GuardClauses;
using Immunization.Core.Records;
using Immunization.Reporting.Coverage;
using Immunization.Reporting.WorkLists;
using NodaTime;

namespace Immunization.Reporting.Tests.Support;

/// <summary>The work-list builder as it was before the flat-array fast path: the reference the fast path is compared with.</summary>
internal static class ReferenceWorkListBuilder
{
    /// <summary>The default days from drawing up to the due date.</summary>
    public const int DefaultDueAfterDays = 2;

    /// <summary>
    /// Draws up one list per commune. A record linked to a register person goes to the commune the register says the
    /// person lives in now; an unlinked record to the commune written on it (old communes rolled up into new ones).
    /// </summary>
    /// <param name="register">The register's people.</param>
    /// <param name="doses">The dose records with their link outcomes.</param>
    /// <param name="drawnUp">The date the lists are drawn up.</param>
    /// <param name="dueAfterDays">Days until the lists are due (2 by default).</param>
    /// <returns>The lists, ordered by commune code; communes with nothing to check have none.</returns>
    public static IReadOnlyList<WorkList> Build(IReadOnlyList<RegisterPerson> register, IReadOnlyList<DoseEntry> doses, LocalDate drawnUp, int dueAfterDays = DefaultDueAfterDays)
    {
        Guard.Against.Null(register);
        Guard.Against.Null(doses);
        Guard.Against.Negative(dueAfterDays);

        var units = new UnitTable();
        var residence = new Dictionary<string, RegisterPerson>(register.Count, StringComparer.Ordinal);
        foreach (var person in register)
        {
            residence.TryAdd(person.PersonId, person);
        }

        var byCommune = new Dictionary<int, List<WorkListItem>>();
        foreach (var dose in doses)
        {
            if (dose.Outcome is not (VerificationOutcome.Differs or VerificationOutcome.NotFound or VerificationOutcome.Ambiguous))
            {
                continue;
            }

            var place = dose.PersonId is not null && residence.TryGetValue(dose.PersonId, out var person) && !person.Residence.IsDefault
                ? person.Residence
                : dose.RecordCommune;
            int commune = units.Resolve(place).Commune;
            if (!byCommune.TryGetValue(commune, out var items))
            {
                byCommune[commune] = items = [];
            }

            items.Add(new WorkListItem(
                dose.RecordId,
                dose.Outcome == VerificationOutcome.Differs ? dose.PersonId : null,
                dose.Outcome,
                dose.Outcome == VerificationOutcome.Differs ? [.. dose.Differences.Select(d => d.Field).Distinct().Order()] : [],
                dose.Outcome == VerificationOutcome.Ambiguous ? dose.AmbiguityReason is { } reason ? VerificationNames.Name(reason) : "" : null));
        }

        var due = drawnUp.PlusDays(dueAfterDays);
        return
        [
            .. byCommune
                .Select(kv => (Info: units.Units[kv.Key], Items: kv.Value))
                .OrderBy(x => x.Info.Code, StringComparer.Ordinal)
                .Select(x => new WorkList(
                    x.Info.Code,
                    x.Info.Name,
                    drawnUp,
                    due,
                    [.. x.Items.OrderBy(i => i.RecordId, StringComparer.Ordinal)])),
        ];
    }
}
