namespace Immunization.Cli.StandardFiles;

/// <summary>An input file or option is wrong; the message says which and why, and the command exits with code 2.</summary>
internal sealed class CliInputException(string message) : Exception(message);
