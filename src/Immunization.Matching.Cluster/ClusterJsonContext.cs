using System.Text.Json;
using System.Text.Json.Serialization;

namespace Immunization.Matching.Cluster;

/// <summary>The source-generated JSON reader of the silo's and the client's settings.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(ClusterSiloJson))]
[JsonSerializable(typeof(ClusterClientJson))]
internal sealed partial class ClusterJsonContext : JsonSerializerContext;
