using Immunization.Matching.Comparators.Vietnamese;

namespace Immunization.Matching.Cluster;

/// <summary>
/// A person of the register or a vaccination record as text, the identity columns of the standard files: what travels between
/// the cluster's client, router and shards (each side parses it with <see cref="IdentityRecord.FromText"/>, so all parse alike).
/// </summary>
/// <param name="Id">The person's or record's id.</param>
/// <param name="CitizenId">The identity number as written.</param>
/// <param name="FullName">The full name as written.</param>
/// <param name="DateOfBirth">The date of birth as written.</param>
/// <param name="Sex">The sex as written.</param>
/// <param name="Phone">The phone as written.</param>
/// <param name="ProvinceCode">The province code.</param>
/// <param name="CommuneCode">The commune code.</param>
/// <param name="AdminScheme">The administrative scheme of the codes (<c>old</c> or <c>new</c>).</param>
/// <param name="Nationality">The ISO 3166 alpha-2 nationality.</param>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
[GenerateSerializer]
[Immutable]
public sealed record IdentityText(
    [property: Id(0)] string Id,
    [property: Id(1)] string? CitizenId,
    [property: Id(2)] string? FullName,
    [property: Id(3)] string? DateOfBirth,
    [property: Id(4)] string? Sex,
    [property: Id(5)] string? Phone,
    [property: Id(6)] string? ProvinceCode,
    [property: Id(7)] string? CommuneCode,
    [property: Id(8)] string? AdminScheme,
    [property: Id(9)] string? Nationality)
{
    /// <summary>Parses the text into the record the matcher compares.</summary>
    /// <returns>The record; parts that do not parse read as missing.</returns>
    public IdentityRecord ToRecord() =>
        IdentityRecord.FromText(Id, CitizenId, FullName, DateOfBirth, Sex, Phone, ProvinceCode, CommuneCode, AdminScheme, Nationality);

    /// <summary>Writes the id and the nine columns (each marked present or missing): the layout of job inputs and shard files.</summary>
    internal void Write(BinaryWriter w)
    {
        w.Write(Id);
        foreach (var text in (ReadOnlySpan<string?>)[CitizenId, FullName, DateOfBirth, Sex, Phone, ProvinceCode, CommuneCode, AdminScheme, Nationality])
        {
            WriteOptional(w, text);
        }
    }

    /// <summary>Reads what <see cref="Write"/> wrote.</summary>
    internal static IdentityText Read(BinaryReader r) =>
        new(r.ReadString(), ReadOptional(r), ReadOptional(r), ReadOptional(r), ReadOptional(r), ReadOptional(r), ReadOptional(r),
            ReadOptional(r), ReadOptional(r), ReadOptional(r));

    /// <summary>Writes a text that may be missing: a presence flag, then the text.</summary>
    internal static void WriteOptional(BinaryWriter w, string? text)
    {
        w.Write(text is not null);
        if (text is not null)
        {
            w.Write(text);
        }
    }

    /// <summary>Reads what <see cref="WriteOptional"/> wrote.</summary>
    internal static string? ReadOptional(BinaryReader r) => r.ReadBoolean() ? r.ReadString() : null;
}
