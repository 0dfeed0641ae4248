namespace Tracing.Ports;

/// <summary>Receives kernel facts on the source's receive thread, in arrival order. Must not block for long.</summary>
public interface IKernelEventSink
{
    /// <summary>
    /// Called once on the receive thread before the subscription opens, so the sink can warm what it will run
    /// there (JIT, thread-local pools): the first real exec must not wait for it while its process exits.
    /// </summary>
    void Prepare();

    /// <summary>One fact arrived.</summary>
    /// <param name="kernelEvent">The fact that arrived.</param>
    void OnEvent(in KernelEvent kernelEvent);

    /// <summary>The kernel dropped events before they could be read.</summary>
    /// <param name="count">How many: exactly, or at least this many (1 when the source only knows that some were lost).</param>
    /// <param name="exact">True when <paramref name="count"/> is the kernel's exact count; false when it is a lower bound.</param>
    void OnEventsLost(long count, bool exact);
}
