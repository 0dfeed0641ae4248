using System.Diagnostics;
using System.Globalization;
using Tracing.Events;
using Tracing.Filtering;
using Tracing.Ports;
using Xunit.Abstractions;

namespace Tracing.Kernel.Tests.Tracer;

/// <summary>Issue 5's faults against the real kernel: stopping during a storm, restarting, cancelling, failed execs.</summary>
public class ExecTracerFaultKernelTests(ITestOutputHelper output)
{
    private const string ReceiveThreadName = "cn_proc receive";
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(10);

    // Issue 5 asks for 100 ms; CI machines stall, so the assertion allows 500 ms and the test prints the real figure.
    private static readonly TimeSpan s_stopBound = TimeSpan.FromMilliseconds(500);

    [Fact]
    public async Task StopAsync_during_an_exec_storm_returns_promptly_and_leaves_no_receive_thread()
    {
        var marker = KernelTracer.NewMarker();
        await using var tracer = new KernelTracer(ExecTraceFilter.Everything, includeExits: false);
        await tracer.Tracer.StartAsync();
        Assert.Equal(1, await WaitForReceiveThreadsAsync(1));

        using var storm = new Storm(marker);
        Assert.True(
            await tracer.WaitForAsync(e => IsStormExec(e, marker), s_wait) && await WaitForStormExecsAsync(tracer, marker, 200),
            "the storm's execs did not arrive");

        var stopwatch = Stopwatch.StartNew();
        await tracer.Tracer.StopAsync();
        var stopTime = stopwatch.Elapsed;
        var threadsRightAfter = CountReceiveThreads();
        var seen = tracer.Execs.Count(e => IsStormExec(e, marker));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"StopAsync mid-storm: {stopTime.TotalMilliseconds:0.0} ms after {seen} storm execs; receive threads right after: {threadsRightAfter}"));

        Assert.True(stopTime < s_stopBound, $"StopAsync took {stopTime.TotalMilliseconds:0} ms");
        Assert.Equal(Tracing.Tracer.TracerState.Stopped, tracer.Tracer.State);
        await tracer.Tracer.Completion.WaitAsync(s_wait);
        Assert.Equal(0, await WaitForReceiveThreadsAsync(0));

        // Stopped means stopped: the storm goes on, nothing more arrives.
        var countAfterStop = tracer.Events.Count;
        await Task.Delay(200);
        Assert.Equal(countAfterStop, tracer.Events.Count);
        Assert.True(storm.IsRunning, "the storm ended before the stop; the test proves nothing");
    }

    [Fact]
    public async Task DisposeAsync_during_an_exec_storm_returns_promptly_and_leaves_no_receive_thread()
    {
        var marker = KernelTracer.NewMarker();
        var tracer = new KernelTracer(ExecTraceFilter.Everything, includeExits: true);
        await tracer.Tracer.StartAsync();
        using var storm = new Storm(marker);
        Assert.True(await WaitForStormExecsAsync(tracer, marker, 200), "the storm's execs did not arrive");

        var stopwatch = Stopwatch.StartNew();
        await tracer.DisposeAsync();
        var disposeTime = stopwatch.Elapsed;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"DisposeAsync mid-storm: {disposeTime.TotalMilliseconds:0.0} ms"));

        Assert.True(disposeTime < s_stopBound, $"DisposeAsync took {disposeTime.TotalMilliseconds:0} ms");
        Assert.Equal(Tracing.Tracer.TracerState.Disposed, tracer.Tracer.State);
        Assert.Equal(0, await WaitForReceiveThreadsAsync(0));
        Assert.True(storm.IsRunning, "the storm ended before the dispose; the test proves nothing");
    }

    [Fact]
    public async Task Stop_twice_then_start_again_delivers_again()
    {
        await using var tracer = new KernelTracer(ExecTraceFilter.Everything, includeExits: false);
        var first = KernelTracer.NewMarker();
        await tracer.Tracer.StartAsync();
        await RunAsync("/bin/echo", first);
        Assert.True(await tracer.WaitForAsync(e => IsEcho(e, first), s_wait), "nothing before the stop");

        await tracer.Tracer.StopAsync();
        await tracer.Tracer.StopAsync();
        Assert.Equal(Tracing.Tracer.TracerState.Stopped, tracer.Tracer.State);
        Assert.Equal(0, await WaitForReceiveThreadsAsync(0));

        var whileStopped = KernelTracer.NewMarker();
        await RunAsync("/bin/echo", whileStopped);
        var second = KernelTracer.NewMarker();
        await tracer.Tracer.StartAsync();
        Assert.Equal(1, await WaitForReceiveThreadsAsync(1));
        await RunAsync("/bin/echo", second);
        Assert.True(await tracer.WaitForAsync(e => IsEcho(e, second), s_wait), "nothing after the restart");
        await tracer.Tracer.StopAsync();

        Assert.DoesNotContain(tracer.Execs, e => IsEcho(e, whileStopped));
        Assert.Single(tracer.Execs, e => IsEcho(e, first));
        Assert.Single(tracer.Execs, e => IsEcho(e, second));
    }

    [Fact]
    public async Task A_cancelled_token_makes_StartAsync_throw_and_leaves_the_tracer_restartable()
    {
        await using var tracer = new KernelTracer(ExecTraceFilter.Everything, includeExits: false);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => tracer.Tracer.StartAsync(new CancellationToken(canceled: true)));
        Assert.Equal(Tracing.Tracer.TracerState.Stopped, tracer.Tracer.State);
        Assert.Equal(0, await WaitForReceiveThreadsAsync(0));

        var marker = KernelTracer.NewMarker();
        await tracer.Tracer.StartAsync();
        await RunAsync("/bin/echo", marker);
        Assert.True(await tracer.WaitForAsync(e => IsEcho(e, marker), s_wait), "the tracer did not deliver after a cancelled start");
    }

    [Fact]
    public async Task A_token_cancelled_while_subscribing_either_throws_and_leaves_the_tracer_restartable_or_lets_it_start()
    {
        // Where the cancellation lands depends on timing: before the kernel answered (the source gives up and its thread
        // ends) or after (the start completes). Either way the tracer must be usable and nothing may be left behind.
        var cancelled = 0;
        int[] delaysUs = [0, 250, 500, 1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 64_000];
        var startTimes = new List<double>();
        foreach (var delayUs in delaysUs)
        {
            await using var tracer = new KernelTracer(ExecTraceFilter.Everything, includeExits: false);
            using var cts = new CancellationTokenSource();
            var start = tracer.Tracer.StartAsync(cts.Token);
            SpinWait(delayUs);
            cts.Cancel();
            try
            {
                await start;
                Assert.Equal(Tracing.Tracer.TracerState.Running, tracer.Tracer.State);
                await tracer.Tracer.StopAsync();
            }
            catch (OperationCanceledException)
            {
                cancelled++;
                Assert.Equal(Tracing.Tracer.TracerState.Stopped, tracer.Tracer.State);
            }

            Assert.Equal(0, await WaitForReceiveThreadsAsync(0));
            var marker = KernelTracer.NewMarker();
            var stopwatch = Stopwatch.StartNew();
            await tracer.Tracer.StartAsync();
            startTimes.Add(stopwatch.Elapsed.TotalMilliseconds);
            await RunAsync("/bin/echo", marker);
            Assert.True(await tracer.WaitForAsync(e => IsEcho(e, marker), s_wait), $"no delivery after a start cancelled at {delayUs} µs");
        }

        output.WriteLine($"{cancelled} of {delaysUs.Length} starts were cancelled before they completed (cancelled after {string.Join(", ", delaysUs)} µs); " +
            string.Create(CultureInfo.InvariantCulture, $"an uncancelled StartAsync took {startTimes.Min():0.0}–{startTimes.Max():0.0} ms"));
    }

    [Fact]
    public async Task An_exec_of_a_binary_that_does_not_exist_produces_no_exec_event()
    {
        var marker = KernelTracer.NewMarker();
        var missing = "/nonexistent-" + Guid.NewGuid().ToString("N");
        var script = $"{missing}; /bin/true {marker}";
        await using var tracer = new KernelTracer(ExecTraceFilter.RunCommand(new CommandSpec("/bin/sh", ["-c", script])));
        await tracer.Tracer.StartAsync();
        var exitCode = await tracer.Tracer.WaitForCommandAsync();
        await tracer.Tracer.StopAsync();

        Assert.Equal(0, exitCode);
        var argv = tracer.Execs.Select(e => e.Arguments.Strings.ToArray()).ToList();
        Assert.Equal(2, argv.Count);
        Assert.Contains(["/bin/sh", "-c", script], argv);
        Assert.Contains(["/bin/true", marker], argv);
        // The shell's child that tried it: forked, execve failed with ENOENT, exited 127; the kernel sent no exec.
        Assert.DoesNotContain(tracer.Execs, e => e.Arguments.Strings[0] == missing);
    }

    private static bool IsEcho(TraceEvent e, string argument) =>
        e is ExecEvent exec && exec.Arguments.Strings.SequenceEqual(["/bin/echo", argument]);

    private static bool IsStormExec(TraceEvent e, string marker) =>
        e is ExecEvent exec && exec.Arguments.Strings.SequenceEqual(["/bin/true", marker]);

    private static async Task<bool> WaitForStormExecsAsync(KernelTracer tracer, string marker, int count)
    {
        var deadline = DateTime.UtcNow + s_wait;
        while (DateTime.UtcNow < deadline)
        {
            if (tracer.Execs.Count(e => IsStormExec(e, marker)) >= count)
            {
                return true;
            }

            await Task.Delay(10);
        }

        return false;
    }

    private static async Task RunAsync(string file, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true })!;
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
    }

    private static void SpinWait(int microseconds)
    {
        var stopwatch = Stopwatch.StartNew();
        while (stopwatch.Elapsed.TotalMicroseconds < microseconds)
        {
            Thread.SpinWait(10);
        }
    }

    /// <summary>Threads of this process named like the source's receive thread, from /proc/self/task/*/comm.</summary>
    internal static int CountReceiveThreads()
    {
        var count = 0;
        foreach (var task in Directory.EnumerateDirectories("/proc/self/task"))
        {
            try
            {
                if (File.ReadAllText(Path.Join(task, "comm")).TrimEnd('\n') == ReceiveThreadName)
                {
                    count++;
                }
            }
            catch (IOException)
            {
                // The thread ended between the listing and the read.
            }
        }

        return count;
    }

    // A thread that ended is gone from /proc/self/task only once it was reaped: allow a moment.
    private static async Task<int> WaitForReceiveThreadsAsync(int expected)
    {
        for (var attempt = 0; attempt < 100 && CountReceiveThreads() != expected; attempt++)
        {
            await Task.Delay(10);
        }

        return CountReceiveThreads();
    }

    /// <summary>
    /// A fast storm of <c>/bin/true marker</c> (a shell loop: faster than Process.Start, about 1,000–2,000 execs/s here),
    /// started from a background task; killed on dispose.
    /// </summary>
    private sealed class Storm : IDisposable
    {
        private readonly Process _shell;

        public Storm(string marker)
        {
            _shell = Task.Run(() => Process.Start(new ProcessStartInfo("/bin/sh", ["-c", $"while :; do /bin/true {marker}; done"]))!).GetAwaiter().GetResult();
        }

        public bool IsRunning => !_shell.HasExited;

        public void Dispose()
        {
            _shell.Kill(entireProcessTree: true);
            _shell.WaitForExit();
            _shell.Dispose();
        }
    }
}
