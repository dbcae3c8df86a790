using System.Text.Json.Serialization;

namespace Immunization.Reporting.Export;

/// <summary>Source-generated JSON metadata for the exports (no reflection; trimming and native builds keep working).</summary>
[JsonSourceGenerationOptions(WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(List<TidyJsonRow>))]
[JsonSerializable(typeof(Dhis2DataValueSet))]
[JsonSerializable(typeof(Dhis2Mapping))]
internal sealed partial class ReportingJsonContext : JsonSerializerContext;
