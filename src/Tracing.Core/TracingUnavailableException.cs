namespace Tracing;

/// <summary>Tracing cannot work here; the message names the cause and the remedy.</summary>
public class TracingUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The cause and the remedy, for the user.</param>
    /// <param name="innerException">The error that caused it, if any.</param>
    public TracingUnavailableException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
