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

        // While the receive thread is held, a burst: 100 processes make 300 events, far more than the buffer holds.
        for (var i = 0; i < 100; i++)
        {
            await RunAsync("/bin/true", "tracing-overflow-burst");
        }

        sink.Release();
        var marker = "tracing-overflow-" + Guid.NewGuid().ToString("N");
        using var after = Process.Start(new ProcessStartInfo("/bin/sleep", ["0.2"]))!;
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!sink.Saw(e => e.Kind == KernelEventKind.Exec && e.Tgid == after.Id) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }

        Assert.True(sink.Saw(e => e.Kind == KernelEventKind.Exec && e.Tgid == after.Id), "delivery did not continue after the overflow");
        Assert.True(sink.Lost >= 200, $"only {sink.Lost} events counted as lost");
        await after.WaitForExitAsync();
    }

    private static async Task RunAsync(string file, string argument)
    {
        using var process = Process.Start(new ProcessStartInfo(file, [argument]))!;
        await process.WaitForExitAsync();
    }
}
