namespace Immunization.Reporting.WorkLists;

/// <summary>Something in a returned list that could not be applied; the rest of the list is applied.</summary>
/// <param name="Source">The returned file.</param>
/// <param name="Row">The row (0 for the list as a whole).</param>
/// <param name="Column">The column, or <see langword="null"/> for the whole row.</param>
/// <param name="Message">What is wrong (never the personal data itself).</param>
public sealed record ReturnProblem(string Source, int Row, string? Column, string Message);
