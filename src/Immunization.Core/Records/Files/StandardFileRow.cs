namespace Immunization.Core.Records.Files;

/// <summary>A value read from a standard file, with the row it was read from.</summary>
/// <typeparam name="T">What the row was read into.</typeparam>
/// <param name="Row">The 1-based row in the file, the header being row 1 (blank rows count).</param>
/// <param name="Value">The value read.</param>
public readonly record struct StandardFileRow<T>(int Row, T Value);
