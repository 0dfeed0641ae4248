using Tracing.Ports;

namespace Tracing.Kernel.Tests.Netlink;

/// <summary>A sink that holds the receive thread on its first event until released, and records what it gets.</summary>
internal sealed class GatedSink : IKernelEventSink, IDisposable
{
    private readonly ManualResetEventSlim _release = new();
    private readonly Lock _gate = new();
    private readonly List<KernelEvent> _events = [];
    private long _lost;
    private int _seen;

    public ManualResetEventSlim Holding { get; } = new();

    public long Lost => Interlocked.Read(ref _lost);

    public void Release() => _release.Set();

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _events.Count;
            }
        }
    }

    public bool Saw(Func<KernelEvent, bool> predicate)
    {
        lock (_gate)
        {
            return _events.Any(predicate);
        }
    }

    public void Prepare()
    {
    }

    public void OnEvent(in KernelEvent kernelEvent)
    {
        lock (_gate)
        {
            _events.Add(kernelEvent);
        }

        if (Interlocked.Increment(ref _seen) == 1)
        {
            Holding.Set();
            _release.Wait(TimeSpan.FromSeconds(30));
        }
    }

    public void OnEventsLost(long count) => Interlocked.Add(ref _lost, count);

    public void Dispose()
    {
        _release.Dispose();
        Holding.Dispose();
    }
}
