namespace Tracing.Ports;

/// <summary>A platform's stream of process facts (fork, exec, exit).</summary>
public interface IKernelEventSource : IAsyncDisposable
{
    /// <summary>
    /// Opens the subscription, waits until the kernel confirms it, then delivers facts to
    /// <paramref name="sink"/> from a dedicated thread until stopped.
    /// </summary>
    /// <exception cref="TracingUnavailableException">The platform refuses the subscription; the message names cause and remedy.</exception>
    ValueTask StartAsync(IKernelEventSink sink, KernelEventInterest interest, CancellationToken cancellationToken);

    /// <summary>Stops delivery. After it returns the sink is not called again. Idempotent.</summary>
    ValueTask StopAsync(CancellationToken cancellationToken);

    /// <summary>Completes when delivery ends: normally after a stop, faulted when the source failed.</summary>
    Task Completion { get; }
}
