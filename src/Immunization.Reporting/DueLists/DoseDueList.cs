using Ardalis.GuardClauses;
using NodaTime;

namespace Immunization.Reporting.DueLists;

/// <summary>One commune's list of people to call in for a dose, from the day it was drawn up to its due date.</summary>
public sealed class DoseDueList
{
    /// <summary>Creates a list.</summary>
    /// <param name="communeCode">The new-scheme commune code (or a province code with <c>-unresolved</c>, or <c>unknown</c>).</param>
    /// <param name="communeName">The commune's name.</param>
    /// <param name="drawnUp">The date the list was drawn up.</param>
    /// <param name="due">The date the list is due back.</param>
    /// <param name="items">The people, ordered by kind, then person id.</param>
    public DoseDueList(string communeCode, string communeName, LocalDate drawnUp, LocalDate due, IReadOnlyList<DoseDueItem> items)
    {
        Guard.Against.NullOrWhiteSpace(communeCode);
        Guard.Against.Null(communeName);
        Guard.Against.Null(items);
        if (due < drawnUp)
        {
            throw new ArgumentException("A list cannot be due before it is drawn up.", nameof(due));
        }

        CommuneCode = communeCode;
        CommuneName = communeName;
        DrawnUp = drawnUp;
        Due = due;
        Items = items;
    }

    /// <summary>The list's id: commune code, <c>due</c> and the drawing-up date (<c>12345-due-20211015</c>).</summary>
    public string Id => CommuneCode + "-due-" + DrawnUp.ToString("yyyyMMdd", null);

    /// <summary>The new-scheme commune code.</summary>
    public string CommuneCode { get; }

    /// <summary>The commune's name.</summary>
    public string CommuneName { get; }

    /// <summary>The date the list was drawn up.</summary>
    public LocalDate DrawnUp { get; }

    /// <summary>The date the list is due back.</summary>
    public LocalDate Due { get; }

    /// <summary>The people, ordered by kind, then person id.</summary>
    public IReadOnlyList<DoseDueItem> Items { get; }

    /// <summary>Whether the list is overdue as of a date: not returned and the date is after the due date.</summary>
    /// <param name="asOf">The date.</param>
    /// <param name="returned">Whether the list has been returned.</param>
    /// <returns><see langword="true"/> when overdue.</returns>
    public bool IsOverdue(LocalDate asOf, bool returned = false) => !returned && asOf > Due;
}
