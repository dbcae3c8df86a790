namespace Immunization.Matching.Configuration;

/// <summary>A match configuration is malformed or inconsistent; the message names the field or rule and says why.</summary>
public sealed class MatchConfigurationException : Exception
{
    /// <summary>Initializes a new instance with a default message.</summary>
    public MatchConfigurationException()
        : base("The match configuration is not valid.")
    {
    }

    /// <summary>Initializes a new instance with a message that says what is wrong.</summary>
    /// <param name="message">What is wrong and where.</param>
    public MatchConfigurationException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance with a message and the exception that revealed the problem.</summary>
    /// <param name="message">What is wrong and where.</param>
    /// <param name="innerException">The underlying exception.</param>
    public MatchConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
