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

    /// <summary>Holds the receive thread on the next event; returns once it is held.</summary>
    public bool HoldNext(TimeSpan timeout, Action provokeAnEvent)
    {
        _holding.Reset();
        _release.Reset();
        var deadline = DateTime.UtcNow + timeout;
        while (!_holding.IsSet && DateTime.UtcNow < deadline)
        {
            provokeAnEvent();
            _holding.Wait(TimeSpan.FromMilliseconds(100));
        }

        return _holding.IsSet;
    }

    public void Release() => _release.Set();

    public ValueTask StartAsync(IKernelEventSink sink, KernelEventInterest interest, CancellationToken cancellationToken) =>
        inner.StartAsync(new Sink(sink, this), interest, cancellationToken);

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
        }

        public void OnEventsLost(long count) => sink.OnEventsLost(count);
    }
}
