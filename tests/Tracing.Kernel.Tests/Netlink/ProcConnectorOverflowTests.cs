using System.Globalization;
using System.Diagnostics;
using Tracing.Linux.Netlink;
using Tracing.Ports;

namespace Tracing.Kernel.Tests.Netlink;

public class ProcConnectorOverflowTests
{
    private const int ExpectedLoss = 350;

    [Fact]
    public async Task A_receive_buffer_overflow_is_counted_and_delivery_continues()
    {
        using var sink = new GatedSink();
        // The smallest buffer the kernel grants holds a handful of events.
        await using var source = new ProcConnectorEventSource(new ProcConnectorOptions { ReceiveBufferBytes = 1, RealtimePriority = 0 });
        await source.StartAsync(sink, KernelEventInterest.All, CancellationToken.None);

        await RunAsync("/bin/true", "tracing-overflow-first");
        Assert.True(sink.Holding.Wait(TimeSpan.FromSeconds(10)), "no event reached the sink");

        // While the receive thread is held, a burst: 100 processes make 300 events, far more than the few the buffer holds.
        // Each execs and exits on the last CPU, which the receive thread may not have heard from yet: its losses count too.
        var cpus = AllowedCpus.Read();
        var cpu = cpus[^1].ToString(CultureInfo.InvariantCulture);
        for (var i = 0; i < 100; i++)
        {
            await RunAsync("/usr/bin/taskset", "-c", cpu, "/bin/true", "tracing-overflow-burst");
        }

        sink.Release();

        // With a buffer this small, other activity on the machine may overflow it again: retry until one exec gets through.
        var delivered = false;
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!delivered && DateTime.UtcNow < deadline)
        {
            using var after = Process.Start(new ProcessStartInfo("/bin/sleep", ["0.05"]))!;
            await after.WaitForExitAsync();
            for (var wait = 0; wait < 20 && !delivered; wait++)
            {
                delivered = sink.Saw(e => e.Kind == KernelEventKind.Exec && e.Tgid == after.Id);
                await Task.Delay(10);
            }
        }

        Assert.True(delivered, $"delivery did not continue after the overflow: {sink.Count} events, {sink.Lost} lost, source: {source.Completion.Status}");
        // The gaps in the kernel's per-CPU sequence numbers count the loss once later events reveal them: one process on
        // each CPU in turn. 100 taskset + /bin/true make 400 events (fork, two execs, exit), less the few buffered.
        for (var wait = 0; wait < 200 && sink.Lost < ExpectedLoss; wait++)
        {
            await RunAsync("/usr/bin/taskset", "-c", cpus[wait % cpus.Count].ToString(CultureInfo.InvariantCulture), "/bin/true");
            await Task.Delay(10);
        }

        Assert.True(sink.Lost >= ExpectedLoss, $"only {sink.Lost} events counted as lost ({sink.Count} delivered)");
    }

    private static async Task RunAsync(string file, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments))!;
        await process.WaitForExitAsync();
    }
}
