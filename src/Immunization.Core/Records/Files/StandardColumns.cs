namespace Immunization.Core.Records.Files;

/// <summary>The columns of the project's standard files, in the order they are written.</summary>
public static class StandardColumns
{
    /// <summary>The person's columns, shared by <c>register.csv</c> and <c>records.csv</c>.</summary>
    public static IReadOnlyList<string> Person { get; } = Array.AsReadOnly(
        ["citizen_id", "full_name", "date_of_birth", "sex", "phone", "province_code", "commune_code", "admin_scheme", "address", "nationality"]);

    /// <summary><c>register.csv</c>: <c>person_id</c>, then <see cref="Person"/>.</summary>
    public static IReadOnlyList<string> Register { get; } = Array.AsReadOnly(["person_id", .. Person]);

    /// <summary><c>records.csv</c>: <c>record_id</c>, <see cref="Person"/>, then the dose.</summary>
    public static IReadOnlyList<string> Records { get; } =
        Array.AsReadOnly(["record_id", .. Person, "vaccine_code", "dose_date", "dose_number", "site_id", "priority_group"]);

    /// <summary><c>truth.csv</c> (synthetic data's answer key): <c>record_id</c>, <c>person_id</c>.</summary>
    public static IReadOnlyList<string> Truth { get; } = Array.AsReadOnly(["record_id", "person_id"]);
}
