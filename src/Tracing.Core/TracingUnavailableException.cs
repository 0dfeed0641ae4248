namespace Tracing;

/// <summary>Tracing cannot work here; the message names the cause and the remedy.</summary>
public class TracingUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public TracingUnavailableException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
