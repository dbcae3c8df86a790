using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Immunization.Matching.Cluster;

/// <summary>Reads and checks the cluster's settings, with messages that name the key and never quote the connection string.</summary>
internal static class ClusterJson
{
    private const int MaxNameLength = 150;

    public static T Read<T>(Stream utf8Json, JsonTypeInfo<T> type)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize(utf8Json, type)
                ?? throw new ClusterConfigurationException("the settings are empty (JSON null); give an object of keys.");
        }
        catch (JsonException e)
        {
            throw new ClusterConfigurationException(Describe(e), e);
        }
    }

    public static void CheckRequired(string? value, string key, string what)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ClusterConfigurationException($"{key}: missing or empty; give {what}.");
        }
    }

    /// <summary>Checks the settings a silo and a client share; throws naming the first key that is wrong.</summary>
    /// <param name="clusterId">The cluster's name.</param>
    /// <param name="serviceId">The service's name.</param>
    /// <param name="membershipDatabase">The membership database's connection string.</param>
    /// <param name="storage">The shared folder.</param>
    public static void CheckCommon(string? clusterId, string? serviceId, string? membershipDatabase, string? storage)
    {
        CheckName(clusterId, "clusterId", "the cluster's name");
        CheckName(serviceId, "serviceId", "the service's name");
        CheckConnectionString(membershipDatabase);
        CheckRequired(storage, "storage", "the shared folder of shard files and jobs");
    }

    public static void CheckName(string? value, string key, string what)
    {
        CheckRequired(value, key, what);
        if (value!.Length > MaxNameLength || !value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            throw new ClusterConfigurationException(string.Create(CultureInfo.InvariantCulture,
                $"{key}: {what} holds letters, digits, '-', '_' and '.' only, at most {MaxNameLength} of them."));
        }
    }

    public static void CheckPort(int port, string key)
    {
        if (port is < 1 or > 65535)
        {
            throw new ClusterConfigurationException(string.Create(CultureInfo.InvariantCulture, $"{key}: {port} is not a TCP port (1 to 65535)."));
        }
    }

    /// <summary>Checks the membership database's connection string; the messages never quote it (it may hold a password).</summary>
    public static void CheckConnectionString(string? value)
    {
        CheckRequired(value, "membershipDatabase", "the Npgsql connection string of the membership database (Host=...;Database=...;Username=...)");
        var builder = new DbConnectionStringBuilder();
        try
        {
            builder.ConnectionString = value;
        }
        catch (ArgumentException e)
        {
            throw new ClusterConfigurationException(
                "membershipDatabase: not a connection string of key=value pairs separated by ';' (Host=...;Database=...;Username=...).", e);
        }

        if (!builder.ContainsKey("Host") && !builder.ContainsKey("Server"))
        {
            throw new ClusterConfigurationException("membershipDatabase: names no Host; give Host=... (the PostgreSQL server).");
        }
    }

    /// <summary>Says where and what in the settings' own words: the 1-based line, the key, the reason without .NET type names.</summary>
    private static string Describe(JsonException e)
    {
        var where = e.LineNumber is { } line ? string.Create(CultureInfo.InvariantCulture, $"line {line + 1}") : "the settings";
        var key = e.Path is { Length: > 0 } p ? p.TrimStart('$', '.') : "";
        var at = key.Length == 0 ? "" : $", {key}";
        var message = e.Message;
        string reason;
        if (message.Contains("could not be mapped", StringComparison.Ordinal))
        {
            reason = "unknown key; check its spelling against the documented keys";
        }
        else if (message.Contains("could not be converted", StringComparison.Ordinal))
        {
            reason = "the value has the wrong type (text in quotes or a whole number is expected there)";
        }
        else
        {
            var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
            cut = cut < 0 ? message.IndexOf(" LineNumber:", StringComparison.Ordinal) : cut;
            reason = "not valid JSON: " + (cut < 0 ? message : message[..cut]).TrimEnd(' ', '|');
        }

        return $"{where}{at}: {reason}.";
    }
}
