using System.Diagnostics;
using System.Globalization;
using Tracing.Linux;
using Tracing.Linux.Netlink;
using Tracing.Ports;

namespace Tracing.Kernel.Tests.Netlink;

public class ProcConnectorOverflowTests
{
    private const int ExpectedLoss = 350;
    private static readonly TimeSpan s_bound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_receive_buffer_overflow_is_counted_and_delivery_continues()
    {
        using var sink = new GatedSink();
        // The smallest buffer the kernel grants holds a handful of events.
        await using var source = new ProcConnectorEventSource(new ProcConnectorOptions { ReceiveBufferBytes = 1, RealtimePriority = 0 });
        await source.StartAsync(sink, KernelEventInterest.All, CancellationToken.None);

        await RunAsync("/bin/true", "tracing-overflow-first");
        Assert.True(sink.Holding.Wait(s_bound), "no event reached the sink");

        // While the receive thread is held, a burst: 100 processes make 300 events, far more than the few the buffer holds.
        // Each execs and exits on the last CPU, which the receive thread may not have heard from yet: its losses count too.
        var cpus = AllowedCpus.Read();
        var cpu = cpus[^1].ToString(CultureInfo.InvariantCulture);
        for (var i = 0; i < 100; i++)
        {
            await RunAsync("/usr/bin/taskset", "-c", cpu, "/bin/true", "tracing-overflow-burst");
        }

        sink.Release();

        // With a buffer this small, other activity on the machine may overflow it again: when a loss is counted before
        // the exec arrives (it may be the one lost), another process tries.
        var delivered = false;
        for (var attempt = 0; attempt < 50 && !delivered; attempt++)
        {
            // The drop counter may count a loss of this process's events before it has even been waited for.
            var reports = sink.LossReports;
            var after = await RunAsync("/bin/true", "tracing-overflow-after");
            delivered = await sink.DeliveredOrLostAsync(e => e.Kind == KernelEventKind.Exec && e.Tgid == after, s_bound, reports);
        }

        Assert.True(delivered, $"delivery did not continue after the overflow: {sink.Count} events, {sink.Lost} lost, source: {source.Completion.Status}");
        // The gaps in the kernel's per-CPU sequence numbers count the loss once later events reveal them: one process on
        // each CPU in turn, the next once this one's exit was delivered (or a loss counted). 100 taskset + /bin/true make
        // 400 events (fork, two execs, exit), less the few buffered.
        for (var wait = 0; wait < 200 && sink.Lost < ExpectedLoss; wait++)
        {
            var reports = sink.LossReports;
            var pid = await RunAsync("/usr/bin/taskset", "-c", cpus[wait % cpus.Count].ToString(CultureInfo.InvariantCulture), "/bin/true");
            await sink.DeliveredOrLostAsync(e => e.Kind == KernelEventKind.Exit && e.Tgid == pid, s_bound, reports);
        }

        Assert.True(sink.Lost >= ExpectedLoss, $"only {sink.Lost} events counted as lost ({sink.Count} delivered)");
    }

    private static async Task<int> RunAsync(string file, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments))!;
        await process.WaitForExitAsync();
        return process.Id;
    }
}
