using Tracing.Ports;

namespace Tracing.Kernel.Tests.Netlink;

/// <summary>Records every event the source delivers; waits end when the awaited event arrives.</summary>
internal sealed class RecordingSink : IKernelEventSink
{
    private readonly Observed<KernelEvent> _events = new();

    public void Prepare()
    {
    }

    public void OnEvent(in KernelEvent kernelEvent) => _events.Add(kernelEvent);

    public void OnEventsLost(long count, bool exact)
    {
    }

    /// <summary>A copy of what was delivered so far.</summary>
    public KernelEvent[] Snapshot() => _events.Snapshot();

    /// <summary>
    /// The first event that matches, once delivered; null when none was within <paramref name="bound"/> (30 s when not
    /// given), which only ever fails a test: nothing passes by waiting it out.
    /// </summary>
    public async Task<KernelEvent?> WaitForAsync(Func<KernelEvent, bool> predicate, TimeSpan? bound = null)
    {
        try
        {
            return await _events.FirstAsync(predicate, bound ?? TimeSpan.FromSeconds(30));
        }
        catch (TimeoutException)
        {
            return null;
        }
    }
}
