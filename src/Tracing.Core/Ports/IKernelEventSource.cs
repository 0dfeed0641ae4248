namespace Tracing.Ports;

/// <summary>A platform's stream of process facts (fork, exec, exit).</summary>
public interface IKernelEventSource : IAsyncDisposable
{
    /// <summary>
    /// Opens the subscription, waits until the kernel confirms it, then delivers facts to
    /// <paramref name="sink"/> from a dedicated thread until stopped.
    /// </summary>
    /// <exception cref="TracingUnavailableException">The platform refuses the subscription; the message names cause and remedy.</exception>
    /// <param name="sink">Receives the facts.</param>
    /// <param name="interest">The facts the tracer needs; a source may leave out the others.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>A task that completes once the kernel has confirmed the subscription.</returns>
    ValueTask StartAsync(IKernelEventSink sink, KernelEventInterest interest, CancellationToken cancellationToken);

    /// <summary>
    /// Starts as <see cref="StartAsync(IKernelEventSink, KernelEventInterest, CancellationToken)"/>, and lets the source
    /// decide <paramref name="scope"/> in the kernel where it can (it then marks the execs it delivers
    /// <see cref="KernelEvent.InScope"/>). The default ignores the scope: the tracer decides every exec.
    /// </summary>
    /// <param name="sink">Receives the facts.</param>
    /// <param name="interest">The facts the tracer needs.</param>
    /// <param name="scope">What the source may decide in the kernel.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>A task that completes once the kernel has confirmed the subscription.</returns>
    ValueTask StartAsync(IKernelEventSink sink, KernelEventInterest interest, KernelScope scope, CancellationToken cancellationToken) =>
        StartAsync(sink, interest, cancellationToken);

    /// <summary>
    /// Throws when the platform can tell, before any work, that it will refuse to trace from here (Linux: inside a
    /// container's PID or user namespace). The tracer calls it first, so that reason is said instead of a later,
    /// misleading one (such as a container name that cannot be looked up from inside a container).
    /// </summary>
    /// <exception cref="TracingUnavailableException">Tracing cannot work here; the message names cause and remedy.</exception>
    void ThrowIfUnavailable()
    {
    }

    /// <summary>
    /// The facts this source can deliver; the tracer refuses to start, saying why, when it needs one that is not here
    /// (<see cref="KernelEventInterest.FailedExec"/> from a source that cannot see failed execs). Default: <see cref="KernelEventInterest.All"/>.
    /// </summary>
    KernelEventInterest Supports => KernelEventInterest.All;

    /// <summary>Stops delivery. After it returns the sink is not called again. Idempotent.</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A task that completes when delivery has stopped.</returns>
    ValueTask StopAsync(CancellationToken cancellationToken);

    /// <summary>Completes when delivery ends: normally after a stop, faulted when the source failed.</summary>
    Task Completion { get; }
}
