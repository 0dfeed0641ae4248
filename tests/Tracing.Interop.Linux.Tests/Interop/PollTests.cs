using System.Diagnostics;
using System.Runtime.InteropServices;
using static Interop.Libc;

namespace Tracing.Linux.Tests.Libc;

/// <summary>A wait interrupted by signals ends when its time is up, not a full timeout after the last signal.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public partial class PollTests
{
    private const int Sigwinch = 28;

    [Theory]
    [InlineData(300, 0, 300)]
    [InlineData(300, 120, 180)]
    [InlineData(300, 299.2, 1)]
    [InlineData(300, 300, 0)]
    [InlineData(300, 5_000, 0)]
    [InlineData(0, 10, 0)]
    [InlineData(-1, 5_000, -1)]
    public void A_retry_waits_what_is_left_rounded_up_and_no_limit_stays_no_limit(int timeoutMs, double elapsedMs, int expected) =>
        Assert.Equal(expected, RemainingTimeout(timeoutMs, TimeSpan.FromMilliseconds(elapsedMs)));

    [Fact]
    public void Signals_every_20_ms_do_not_keep_a_300_ms_wait_from_ending()
    {
        // SIGWINCH with a handler (the default ignores it and would interrupt nothing): each one ends poll with EINTR.
        var delivered = 0;
        using var registration = PosixSignalRegistration.Create(PosixSignal.SIGWINCH, context =>
        {
            Interlocked.Increment(ref delivered);
            context.Cancel = true;
        });
        Assert.Equal(0, EventFd(EFD_CLOEXEC | EFD_NONBLOCK, out var silent));
        using var quiet = silent;
        var tid = 0;
        var elapsed = TimeSpan.Zero;
        var errno = -1;
        using var polling = new ManualResetEventSlim();
        var waiter = new Thread(() =>
        {
            Span<short> returned = stackalloc short[1];
            Volatile.Write(ref tid, GetTid());
            polling.Set();
            var started = Stopwatch.GetTimestamp();
            errno = Poll([silent], POLLIN, returned, 300, out _);
            elapsed = Stopwatch.GetElapsedTime(started);
        });
        waiter.Start();
        Assert.True(polling.Wait(TimeSpan.FromSeconds(10)));

        // Signals for 3 s at most: a wait that started over at each would end only after the last of them.
        var signalling = Stopwatch.StartNew();
        while (waiter.IsAlive && signalling.Elapsed < TimeSpan.FromSeconds(3))
        {
            Assert.Equal(0, TgKill(Environment.ProcessId, Volatile.Read(ref tid), Sigwinch));
            Thread.Sleep(20);
        }

        Assert.True(waiter.Join(TimeSpan.FromSeconds(10)));
        Assert.Equal(0, errno);
        // The runtime runs handlers on a thread of its own, a moment after the signal.
        Assert.True(SpinWait.SpinUntil(() => Volatile.Read(ref delivered) > 0, TimeSpan.FromSeconds(10)), "no signal reached the handler");
        Assert.InRange(elapsed, TimeSpan.FromMilliseconds(290), TimeSpan.FromSeconds(2));
    }

    [LibraryImport("libc.so.6", EntryPoint = "tgkill", SetLastError = true)]
    private static partial int TgKill(int tgid, int tid, int signal);
}
