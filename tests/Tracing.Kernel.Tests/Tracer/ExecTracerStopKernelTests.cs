using System.Diagnostics;
using Tracing.Events;
using Tracing.Filtering;
using Xunit.Abstractions;

namespace Tracing.Kernel.Tests.Tracer;

/// <summary>Stopping the tracer against the real kernel: the receive thread woken, the stream completed, a restart.</summary>
public class ExecTracerStopKernelTests(ITestOutputHelper output)
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(30);

    // The receive thread waits with no timeout, so a stop that failed to wake it would never return; this bound only
    // turns that hang into a failure, and no load makes a woken stop take this long. How prompt a stop is, is a figure:
    // printed here, and measured under a storm by bench/Tracing.StormBench.
    private static readonly TimeSpan s_stopBound = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Stop_wakes_the_receive_thread_and_completes_the_stream()
    {
        await using var tracer = new KernelTracer(ExecTraceFilter.Everything);
        var reader = tracer.Tracer.CreateReader();
        await tracer.Tracer.StartAsync();
        // Once an exec is reported the receive thread is running, and then waits for the next datagram. The exec is
        // known by its pid: /bin/true may be gone before its argv is read.
        var pid = await RunAsync("/bin/true");
        Assert.True(await tracer.WaitForAsync(e => e is ExecEvent x && x.Pid == pid, s_wait));

        var stopwatch = Stopwatch.StartNew();
        await tracer.Tracer.StopAsync().WaitAsync(s_stopBound);
        output.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"StopAsync: {stopwatch.Elapsed.TotalMilliseconds:0.0} ms"));

        // The stream ends: reading it to the end finishes instead of waiting for more.
        await foreach (var _ in reader.ReadAllAsync().WithCancellation(new CancellationTokenSource(s_wait).Token))
        {
        }

        await tracer.Tracer.StopAsync();
    }

    [Fact]
    public async Task Start_after_stop_subscribes_again()
    {
        await using var tracer = new KernelTracer(ExecTraceFilter.Everything);
        await tracer.Tracer.StartAsync();
        await tracer.Tracer.StopAsync();
        await tracer.Tracer.StartAsync();
        var pid = await RunAsync("/bin/true");

        Assert.True(await tracer.WaitForAsync(e => e is ExecEvent x && x.Pid == pid, s_wait));
    }

    // The pid of the process, which has exec'd when Process.Start returns.
    private static async Task<int> RunAsync(string file, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments))!;
        await process.WaitForExitAsync();
        return process.Id;
    }
}
