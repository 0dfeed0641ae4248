using Tracing.Ports;

namespace Tracing.Kernel.Tests.Shapes;

/// <summary>
/// The real kernel source, whose receive thread can be held on its next event: while it is held the kernel's queue
/// overflows, and the tracer has to count the loss and resynchronise, as it would under a real overload.
/// </summary>
internal sealed class HeldEventSource(IKernelEventSource inner) : IKernelEventSource
{
    private readonly ManualResetEventSlim _release = new(true);
    private readonly ManualResetEventSlim _holding = new();

    public Task Completion => inner.Completion;

    /// <summary>What the source passed on to the tracer, once released: tests wait on it for the kernel's own events.</summary>
    public Observed<KernelEvent> Passed { get; } = new();

    /// <summary>
    /// Holds the receive thread on the next event, which <paramref name="provokeAnEvent"/> makes the kernel send (any
    /// other event may come first: either holds it); returns once it is held, false past <paramref name="bound"/>.
    /// </summary>
    public bool HoldNext(TimeSpan bound, Action provokeAnEvent)
    {
        _holding.Reset();
        _release.Reset();
        provokeAnEvent();
        return _holding.Wait(bound);
    }

    public void Release() => _release.Set();

    public ValueTask StartAsync(IKernelEventSink sink, KernelEventInterest interest, CancellationToken cancellationToken) =>
        inner.StartAsync(new Sink(sink, this), interest, cancellationToken);

    public ValueTask StartAsync(IKernelEventSink sink, KernelEventInterest interest, KernelScope scope, CancellationToken cancellationToken) =>
        inner.StartAsync(new Sink(sink, this), interest, scope, cancellationToken);

    public ValueTask StopAsync(CancellationToken cancellationToken)
    {
        Release();
        return inner.StopAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        Release();
        await inner.DisposeAsync();
        _release.Dispose();
        _holding.Dispose();
    }

    private sealed class Sink(IKernelEventSink sink, HeldEventSource owner) : IKernelEventSink
    {
        public void Prepare() => sink.Prepare();

        public void OnEvent(in KernelEvent kernelEvent)
        {
            if (!owner._release.IsSet)
            {
                owner._holding.Set();
                owner._release.Wait(TimeSpan.FromSeconds(30));
            }

            sink.OnEvent(kernelEvent);
            owner.Passed.Add(kernelEvent);
        }

        public void OnEventsLost(long count, bool exact) => sink.OnEventsLost(count, exact);
    }
}
