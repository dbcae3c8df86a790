namespace Immunization.Cli.Matching;

/// <summary>
/// The cluster could not be reached or a job on it failed (no silo running, the membership database unreachable, a job that
/// gave up); the message says which and what to check, and the command exits with code 1.
/// </summary>
internal sealed class ClusterRunException(string message, Exception? inner = null) : Exception(message, inner);
