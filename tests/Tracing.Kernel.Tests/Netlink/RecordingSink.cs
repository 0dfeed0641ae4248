using Tracing.Ports;

namespace Tracing.Kernel.Tests.Netlink;

/// <summary>Records every event the source delivers.</summary>
internal sealed class RecordingSink : IKernelEventSink
{
    private readonly Lock _gate = new();
    private readonly List<KernelEvent> _events = [];

    public void Prepare()
    {
    }

    public void OnEvent(in KernelEvent kernelEvent)
    {
        lock (_gate)
        {
            _events.Add(kernelEvent);
        }
    }

    public void OnEventsLost(long count)
    {
    }

    /// <summary>A copy of what was delivered so far.</summary>
    public KernelEvent[] Snapshot()
    {
        lock (_gate)
        {
            return [.. _events];
        }
    }

    /// <summary>Waits for an event that matches, up to <paramref name="timeout"/> (10 s when not given).</summary>
    public async Task<KernelEvent?> WaitForAsync(Func<KernelEvent, bool> predicate, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (DateTime.UtcNow < deadline)
        {
            lock (_gate)
            {
                foreach (var item in _events)
                {
                    if (predicate(item))
                    {
                        return item;
                    }
                }
            }

            await Task.Delay(10);
        }

        return null;
    }
}
