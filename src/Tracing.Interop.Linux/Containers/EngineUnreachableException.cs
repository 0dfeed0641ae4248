namespace Tracing.Linux.Containers;

/// <summary>One engine socket could not be asked; the lookup notes why and asks the next.</summary>
internal sealed class EngineUnreachableException : Exception
{
    public EngineUnreachableException(string reason, Exception? innerException = null)
        : base(reason, innerException)
    {
        Reason = reason;
    }

    /// <summary>Why, in a few words: "missing", "connection refused (...)", "no answer within 2 s".</summary>
    public string Reason { get; }
}
