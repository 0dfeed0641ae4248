using System.Diagnostics;
using Tracing.Linux.Bpf.RingBuffers;

namespace Tracing.Kernel.Tests.Bpf;

/// <summary>Wake ends a wait at once, from another thread, and a wake made before the wait is not lost.</summary>
public sealed class BpfRingBufferWaitTests
{
    [Fact]
    public void Wake_from_another_thread_ends_a_long_wait_at_once()
    {
        using var ring = BpfRingBuffer.Create("wake_ring", 4096);
        var clock = Stopwatch.StartNew();
        var waker = new Thread(ring.Wake);
        waker.Start();

        var result = ring.Wait(60_000);

        Assert.Equal(WaitResult.Woken, result);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"The wait took {clock.Elapsed}.");
        waker.Join();
    }

    [Fact]
    public void A_wake_before_the_wait_is_kept_and_consumed_by_it()
    {
        using var ring = BpfRingBuffer.Create("wake_ring2", 4096);

        ring.Wake();

        Assert.Equal(WaitResult.Woken, ring.Wait(60_000));
        Assert.Equal(WaitResult.TimedOut, ring.Wait(0));
    }
}
