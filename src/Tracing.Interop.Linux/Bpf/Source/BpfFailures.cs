namespace Tracing.Linux.Bpf.Source;

/// <summary>
/// Turns what kept the eBPF source from starting into the tracer's one kind of refusal, its message kept (it names the
/// capability, kernel feature or verifier complaint): the caller can tell "cannot trace this way" from a bug.
/// </summary>
internal static class BpfFailures
{
    public static Exception Explain(Exception e) => e switch
    {
        TracingUnavailableException or OperationCanceledException => e,
        UnauthorizedAccessException or IOException or PlatformNotSupportedException or ArgumentException or InvalidOperationException
            => new TracingUnavailableException("The eBPF source cannot start: " + e.Message, e),
        _ => e,
    };
}
