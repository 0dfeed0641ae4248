using Tracing.Tracer;
using System.Diagnostics;
using System.Globalization;
using Tracing.Events;
using Tracing.Filtering;
using Tracing.Kernel.Tests.Netlink;
using Tracing.Linux;
using Tracing.Linux.Netlink;
using Tracing.Ports;
using Xunit.Abstractions;

namespace Tracing.Kernel.Tests.Tracer;

/// <summary>Issue 5's stop under load: stopping or disposing the tracer while an exec storm goes on.</summary>
public class ExecTracerStormStopKernelTests(ITestOutputHelper output)
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(30);

    // Issue 5 asks for 100 ms. The receive thread waits with no timeout and the storm never ends, so a stop that failed
    // to wake the thread, or waited for the storm to drain, would never return: this bound only turns that hang into a
    // failure, and no load makes a woken stop take this long. How prompt it is, is a figure: printed here, and measured
    // under a storm by bench/Tracing.StormBench.
    private static readonly TimeSpan s_stopBound = TimeSpan.FromSeconds(10);

    [Theory]
    [InlineData(ExecTracingSource.Bpf)]
    [InlineData(ExecTracingSource.ProcConnector)]
    public async Task StopAsync_during_an_exec_storm_returns_promptly_and_leaves_no_receive_thread(ExecTracingSource source)
    {
        var marker = KernelTracer.NewMarker();
        await using var tracer = new KernelTracer(ExecTraceFilter.Everything, includeExits: false, source: source);
        await tracer.Tracer.StartAsync();
        Assert.Equal(1, await ReceiveThreads.WaitForAsync(1));

        using var storm = new ExecStorm(marker);
        Assert.True(
            await tracer.WaitForAsync(e => IsStormExec(e, storm, marker), s_wait) && await WaitForStormExecsAsync(tracer, storm, marker, 200),
            "the storm's execs did not arrive");

        var stopwatch = Stopwatch.StartNew();
        await tracer.Tracer.StopAsync();
        var stopTime = stopwatch.Elapsed;
        var threadsRightAfter = ReceiveThreads.Count();
        var seen = tracer.Execs.Count(e => IsStormExec(e, storm, marker));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"StopAsync mid-storm: {stopTime.TotalMilliseconds:0.0} ms after {seen} storm execs; receive threads right after: {threadsRightAfter}"));

        Assert.True(stopTime < s_stopBound, $"StopAsync took {stopTime.TotalMilliseconds:0} ms");
        Assert.Equal(Tracing.Tracer.TracerState.Stopped, tracer.Tracer.State);
        await tracer.Tracer.Completion.WaitAsync(s_wait);
        Assert.Equal(0, await ReceiveThreads.WaitForAsync(0));

        // Stopped means stopped: the storm goes on, nothing more arrives. A sentinel exec'd after the stop, once another
        // subscriber has it, shows that the kernel went on sending while the stopped tracer got nothing.
        var countAfterStop = tracer.Events.Count;
        await AnotherSubscriberSawAsync("/bin/true", KernelTracer.NewMarker());
        Assert.Equal(countAfterStop, tracer.Events.Count);
        Assert.True(storm.IsRunning, "the storm ended before the stop; the test proves nothing");
    }

    [Theory]
    [InlineData(ExecTracingSource.Bpf)]
    [InlineData(ExecTracingSource.ProcConnector)]
    public async Task DisposeAsync_during_an_exec_storm_returns_promptly_and_leaves_no_receive_thread(ExecTracingSource source)
    {
        var marker = KernelTracer.NewMarker();
        var tracer = new KernelTracer(ExecTraceFilter.Everything, includeExits: true, source: source);
        await tracer.Tracer.StartAsync();
        using var storm = new ExecStorm(marker);
        Assert.True(await WaitForStormExecsAsync(tracer, storm, marker, 200), "the storm's execs did not arrive");

        var stopwatch = Stopwatch.StartNew();
        await tracer.DisposeAsync();
        var disposeTime = stopwatch.Elapsed;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"DisposeAsync mid-storm: {disposeTime.TotalMilliseconds:0.0} ms"));

        Assert.True(disposeTime < s_stopBound, $"DisposeAsync took {disposeTime.TotalMilliseconds:0} ms");
        Assert.Equal(Tracing.Tracer.TracerState.Disposed, tracer.Tracer.State);
        Assert.Equal(0, await ReceiveThreads.WaitForAsync(0));
        Assert.True(storm.IsRunning, "the storm ended before the dispose; the test proves nothing");
    }

    // Known by its argv, or by its parent (the storm's shell) when /bin/true was gone before its argv was read: the
    // argv is not what these tests are about, and under load many of the storm's are lost.
    private static bool IsStormExec(TraceEvent e, ExecStorm storm, string marker) =>
        e is ExecEvent exec && (exec.ParentPid == storm.ShellPid || exec.Arguments.Strings.SequenceEqual(["/bin/true", marker]));

    private static Task<bool> WaitForStormExecsAsync(KernelTracer tracer, ExecStorm storm, string marker, int count)
    {
        var seen = 0;
        return tracer.WaitForAsync(e => IsStormExec(e, storm, marker) && ++seen >= count, s_wait);
    }

    private static async Task AnotherSubscriberSawAsync(string file, string argument)
    {
        var observer = new RecordingSink();
        await using var source = new ProcConnectorEventSource(new ProcConnectorOptions { RealtimePriority = 0 });
        await source.StartAsync(observer, KernelEventInterest.Exec, CancellationToken.None);
        using var process = Process.Start(new ProcessStartInfo(file, [argument]))!;
        await process.WaitForExitAsync();
        Assert.NotNull(await observer.WaitForAsync(e => e.Kind == KernelEventKind.Exec && e.Tgid == process.Id, s_wait));
    }
}
