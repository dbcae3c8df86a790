namespace Immunization.Matching.Verification;

/// <summary>A part of the register index that a <see cref="SnapshotChannel"/> saves and loads field by field.</summary>
/// <typeparam name="T">The part's own type.</typeparam>
internal interface ISnapshotPart<T>
    where T : class, ISnapshotPart<T>
{
    /// <summary>Reads a part written by <see cref="Transfer"/>.</summary>
    static abstract T Read(SnapshotChannel reader);

    /// <summary>Names every field of the part once, for writing and reading alike.</summary>
    void Transfer(SnapshotChannel channel);
}
