using System.Diagnostics;
using Tracing.Interop.Linux.Netlink;
using Tracing.Ports;

namespace Tracing.Kernel.Tests.Netlink;

public class ProcConnectorOverflowTests
{
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
        for (var i = 0; i < 100; i++)
        {
            await RunAsync("/bin/true", "tracing-overflow-burst");
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
        // The gaps in the kernel's per-CPU sequence numbers count the loss once later events reveal them.
        for (var wait = 0; wait < 200 && sink.Lost < 100; wait++)
        {
            using var reveal = Process.Start(new ProcessStartInfo("/bin/true"))!;
            await reveal.WaitForExitAsync();
            await Task.Delay(10);
        }

        Assert.True(sink.Lost >= 100, $"only {sink.Lost} events counted as lost");
    }

    private static async Task RunAsync(string file, string argument)
    {
        using var process = Process.Start(new ProcessStartInfo(file, [argument]))!;
        await process.WaitForExitAsync();
    }
}
