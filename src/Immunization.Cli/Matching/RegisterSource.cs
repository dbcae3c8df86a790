namespace Immunization.Cli.Matching;

/// <summary>
/// Where <c>link</c>'s register index comes from: built from the register file (and, with <c>--save-index</c>, saved),
/// or loaded from an index saved earlier (<c>--index</c>). Exactly one of <paramref name="RegisterPath"/> and
/// <paramref name="IndexPath"/> is set, or neither when a running cluster holds the register (<c>--cluster</c>).
/// </summary>
/// <param name="RegisterPath">The register file (<c>--register</c>), or <see langword="null"/>.</param>
/// <param name="IndexPath">A saved index (<c>--index</c>), or <see langword="null"/>.</param>
/// <param name="SaveIndexPath">Where to save the index built from the register (<c>--save-index</c>), or <see langword="null"/>.</param>
internal sealed record RegisterSource(string? RegisterPath, string? IndexPath, string? SaveIndexPath);
