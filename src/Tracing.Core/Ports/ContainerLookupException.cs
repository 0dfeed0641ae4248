namespace Tracing.Ports;

/// <summary>A container could not be looked up; the message says why and what was tried.</summary>
public sealed class ContainerLookupException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="failure">What kind of failure it was.</param>
    /// <param name="message">Why the lookup failed and what was tried, for the user.</param>
    /// <param name="innerException">The error that caused it, if any.</param>
    public ContainerLookupException(ContainerLookupFailure failure, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Failure = failure;
    }

    /// <summary>Why the lookup failed.</summary>
    public ContainerLookupFailure Failure { get; }
}
