using Ardalis.GuardClauses;
using Immunization.Reporting.Coverage;
using Immunization.Reporting.WorkLists;
using NodaTime;

namespace Immunization.Reporting.DueLists;

/// <summary>
/// Draws up, per commune, the people to call in: those overdue for dose 2, and those of a priority group whose dose 3 or 4
/// is due. A person goes to the commune the register says they live in now (old units rolled up into new ones); a person
/// not in the register to <c>unknown</c>.
/// </summary>
public static class DoseDueListBuilder
{
    /// <summary>Draws up the lists as of their drawing-up date.</summary>
    /// <param name="register">The register's people (residence and priority groups).</param>
    /// <param name="nextDoses">Each person's next dose from the evaluation.</param>
    /// <param name="drawnUp">The date the lists are drawn up; dues are judged as of it.</param>
    /// <param name="dueAfterDays">Days until the lists are due back (2 by default).</param>
    /// <returns>The lists, ordered by commune code; communes with nobody to call in have none.</returns>
    public static IReadOnlyList<DoseDueList> Build(IReadOnlyList<RegisterPerson> register, IReadOnlyList<NextDose> nextDoses, LocalDate drawnUp, int dueAfterDays = WorkListBuilder.DefaultDueAfterDays)
    {
        Guard.Against.Null(register);
        Guard.Against.Null(nextDoses);
        Guard.Against.Negative(dueAfterDays);

        var people = new Dictionary<string, RegisterPerson>(register.Count, StringComparer.Ordinal);
        foreach (var person in register)
        {
            people.TryAdd(person.PersonId, person);
        }

        var units = new UnitTable();
        var byCommune = new Dictionary<int, List<DoseDueItem>>();
        foreach (var next in nextDoses)
        {
            people.TryGetValue(next.PersonId, out var person);
            if (Kind(next, person, drawnUp) is not { } kind)
            {
                continue;
            }

            int commune = units.Resolve(person?.Residence ?? default).Commune;
            if (!byCommune.TryGetValue(commune, out var items))
            {
                byCommune[commune] = items = [];
            }

            var late = next.PastDue ?? next.Recommended;
            items.Add(new DoseDueItem(next.PersonId, kind, next.DoseNumber, next.Earliest, next.Recommended, next.PastDue,
                drawnUp > late ? Period.Between(late, drawnUp, PeriodUnits.Days).Days : 0));
        }

        var due = drawnUp.PlusDays(dueAfterDays);
        return
        [
            .. byCommune
                .Select(kv => (Info: units.Units[kv.Key], Items: kv.Value))
                .OrderBy(x => x.Info.Code, StringComparer.Ordinal)
                .Select(x => new DoseDueList(x.Info.Code, x.Info.Name, drawnUp, due,
                    [.. x.Items.OrderBy(i => i.Kind).ThenBy(i => i.PersonId, StringComparer.Ordinal)])),
        ];
    }

    /// <summary>Why a person is on a list as of a date, or <see langword="null"/> when they are not.</summary>
    internal static DoseDueKind? Kind(NextDose next, RegisterPerson? person, LocalDate asOf)
    {
        if (next.DoseNumber == 2)
        {
            // Past due: after the past-due date (the recommended date when the schedule sets none).
            return asOf > (next.PastDue ?? next.Recommended) ? DoseDueKind.OverdueDoseTwo : null;
        }

        if (next.DoseNumber is not (3 or 4) || next.Earliest > asOf)
        {
            return null;
        }

        bool priority = next.PriorityGroups.Count > 0 || person?.PriorityGroups.Count > 0;
        return !priority ? null : next.DoseNumber == 3 ? DoseDueKind.PriorityDoseThree : DoseDueKind.PriorityDoseFour;
    }
}
