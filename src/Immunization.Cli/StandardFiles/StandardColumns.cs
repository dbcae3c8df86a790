namespace Immunization.Cli.StandardFiles;

/// <summary>The columns of the project's standard files, in the order they are written.</summary>
internal static class StandardColumns
{
    public static readonly string[] Person =
        ["citizen_id", "full_name", "date_of_birth", "sex", "phone", "province_code", "commune_code", "admin_scheme", "address", "nationality"];

    public static readonly string[] Register = ["person_id", .. Person];

    public static readonly string[] Records =
        ["record_id", .. Person, "vaccine_code", "dose_date", "dose_number", "site_id", "priority_group"];

    public static readonly string[] Truth = ["record_id", "person_id"];
}
