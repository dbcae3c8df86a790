namespace Immunization.Matching.Verification;

/// <summary>
/// Thrown when a register index snapshot cannot be loaded: it is not one, it was written by another version of the library
/// or with other options, or it is corrupt or truncated. The message says what does not match; it never holds register data.
/// </summary>
public sealed class RegisterIndexSnapshotException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="RegisterIndexSnapshotException"/> class.</summary>
    public RegisterIndexSnapshotException()
        : this(RegisterIndexSnapshotProblem.Corrupt, "The register index snapshot cannot be loaded.")
    {
    }

    /// <summary>Initializes a new instance of the <see cref="RegisterIndexSnapshotException"/> class.</summary>
    /// <param name="message">What does not match.</param>
    public RegisterIndexSnapshotException(string message)
        : this(RegisterIndexSnapshotProblem.Corrupt, message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="RegisterIndexSnapshotException"/> class.</summary>
    /// <param name="message">What does not match.</param>
    /// <param name="innerException">The exception that revealed it.</param>
    public RegisterIndexSnapshotException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problem = RegisterIndexSnapshotProblem.Corrupt;
    }

    /// <summary>Initializes a new instance of the <see cref="RegisterIndexSnapshotException"/> class.</summary>
    /// <param name="problem">Why the snapshot was refused.</param>
    /// <param name="message">What does not match.</param>
    /// <param name="innerException">The exception that revealed it, if any.</param>
    public RegisterIndexSnapshotException(RegisterIndexSnapshotProblem problem, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Problem = problem;
    }

    /// <summary>Gets why the snapshot was refused.</summary>
    public RegisterIndexSnapshotProblem Problem { get; }
}
