using Tracing.Ports;

namespace Tracing.Kernel.Tests.Netlink;

/// <summary>A sink that holds the receive thread on its first event until released, and records what it gets.</summary>
internal sealed class GatedSink : IKernelEventSink, IDisposable
{
    private readonly ManualResetEventSlim _release = new();
    private readonly Observed<KernelEvent> _events = new();
    private readonly Observed<long> _losses = new();
    private int _seen;
    private int _lowerBounds;

    public ManualResetEventSlim Holding { get; } = new();

    public long Lost => _losses.Snapshot().Sum();

    public int Count => _events.Count;

    /// <summary>How many of the losses were counted as "at least" (the source could not say exactly).</summary>
    public int LowerBounds => Volatile.Read(ref _lowerBounds);

    /// <summary>Waits until the losses counted add up to at least <paramref name="count"/>; fails past <paramref name="bound"/>.</summary>
    public Task LostAtLeastAsync(long count, TimeSpan bound) => _losses.UntilAsync(l => l.Sum() >= count, bound);

    public void Release() => _release.Set();

    /// <summary>A copy of what was delivered so far.</summary>
    public KernelEvent[] Snapshot() => _events.Snapshot();

    /// <summary>
    /// Waits until an event that matches is delivered (true) or a loss is counted after this call (false: the event
    /// may be the one lost); fails past <paramref name="bound"/>.
    /// </summary>
    public Task<bool> DeliveredOrLostAsync(Func<KernelEvent, bool> predicate, TimeSpan bound) =>
        DeliveredOrLostAsync(predicate, bound, LossReports);

    /// <summary>How many loss reports arrived so far: taken before a process starts, a loss of its events counted at once is not missed.</summary>
    public int LossReports => _losses.Count;

    /// <summary>As above, a loss counting when reported after <paramref name="lossesBefore"/> reports.</summary>
    public async Task<bool> DeliveredOrLostAsync(Func<KernelEvent, bool> predicate, TimeSpan bound, int lossesBefore)
    {
        using var decided = new CancellationTokenSource();
        var delivered = _events.FirstAsync(predicate, bound, decided.Token);
        var lost = _losses.UntilAsync(l => l.Count > lossesBefore, bound, decided.Token);
        var first = await Task.WhenAny(delivered, lost);
        await decided.CancelAsync();
        try
        {
            await (first == delivered ? lost : delivered);
        }
        catch (OperationCanceledException)
        {
            // The other wait, ended by the first.
        }

        await first;
        return first == delivered;
    }

    public void Prepare()
    {
    }

    public void OnEvent(in KernelEvent kernelEvent)
    {
        _events.Add(kernelEvent);
        if (Interlocked.Increment(ref _seen) == 1)
        {
            Holding.Set();
            _release.Wait(TimeSpan.FromSeconds(30));
        }
    }

    public void OnEventsLost(long count, bool exact)
    {
        if (!exact)
        {
            Interlocked.Increment(ref _lowerBounds);
        }

        _losses.Add(count);
    }

    public void Dispose()
    {
        _release.Dispose();
        Holding.Dispose();
    }
}
