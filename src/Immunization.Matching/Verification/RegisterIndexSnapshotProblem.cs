namespace Immunization.Matching.Verification;

/// <summary>Why a register index snapshot was refused.</summary>
public enum RegisterIndexSnapshotProblem
{
    /// <summary>The stream does not start with a register index snapshot's signature.</summary>
    NotASnapshot = 1,

    /// <summary>The snapshot was written in another format version, or its layout differs from this library's.</summary>
    FormatVersionMismatch = 2,

    /// <summary>The snapshot was written by another version of the library, whose model may differ: build the index again.</summary>
    LibraryVersionMismatch = 3,

    /// <summary>The snapshot's index was built with other options than the caller expects.</summary>
    OptionsMismatch = 4,

    /// <summary>The snapshot's checksum does not match its contents, or a length in it is impossible.</summary>
    Corrupt = 5,

    /// <summary>The stream ends before the snapshot does.</summary>
    Truncated = 6,
}
