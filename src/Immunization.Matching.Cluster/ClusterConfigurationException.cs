namespace Immunization.Matching.Cluster;

/// <summary>
/// A silo's or a client's configuration (<see cref="ClusterSiloOptions"/>, <see cref="ClusterClientOptions"/>) is malformed or
/// inconsistent; the message names the key (its JSON name) and says why, and never quotes the membership database's
/// connection string.
/// </summary>
public sealed class ClusterConfigurationException : Exception
{
    /// <summary>Initializes a new instance with a default message.</summary>
    public ClusterConfigurationException()
        : base("The cluster configuration is not valid.")
    {
    }

    /// <summary>Initializes a new instance with a message that says what is wrong.</summary>
    /// <param name="message">What is wrong and where.</param>
    public ClusterConfigurationException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance with a message and the exception that revealed the problem.</summary>
    /// <param name="message">What is wrong and where.</param>
    /// <param name="innerException">The underlying exception.</param>
    public ClusterConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
