using System.Diagnostics;
using Tracing.Linux;
using Tracing.Linux.Netlink;
using Tracing.Ports;

namespace Tracing.Kernel.Tests.Netlink;

public class ProcConnectorLossCountTests
{
    private const int Storm = 200;
    private static readonly TimeSpan s_bound = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData(KernelEventInterest.Exec)]
    [InlineData(KernelEventInterest.All)]
    public async Task The_loss_counted_is_exactly_what_the_kernel_dropped_for_the_socket(KernelEventInterest interest)
    {
        using var sink = new GatedSink();
        // The smallest buffer the kernel grants holds a handful of events; no side socket, so the source's one is the new one.
        await using var source = new ProcConnectorEventSource(
            new ProcConnectorOptions { ReceiveBufferBytes = 1, RealtimePriority = 0, ParentsFromForks = false });
        var before = KernelSocketDrops.ConnectorSockets();
        await source.StartAsync(sink, interest, CancellationToken.None);
        var socket = Assert.Single(KernelSocketDrops.ConnectorSockets().Except(before));

        await RunAsync("/bin/true", "tracing-losses-first");
        Assert.True(sink.Holding.Wait(s_bound), "no event reached the sink");

        // While the receive thread is held, a storm of execs far beyond what the buffer holds: the kernel drops most.
        await RunAsync("/bin/sh", "-c", $"i=0; while [ $i -lt {Storm} ]; do /bin/true tracing-losses-storm; i=$((i+1)); done");
        Assert.True(KernelSocketDrops.Of(socket) > 0, "the kernel dropped nothing: the storm did not overflow the buffer");
        sink.Release();

        // The kernel's count, and the tracer's once it has caught up with it; other processes may overflow the tiny buffer
        // meanwhile, so the two are compared when the kernel's count held still across the wait.
        long kernel = -1, counted = -2;
        for (var attempt = 0; attempt < 20 && counted != kernel; attempt++)
        {
            var drops = KernelSocketDrops.Of(socket);
            try
            {
                await sink.LostAtLeastAsync(drops, s_bound);
            }
            catch (TimeoutException)
            {
                Assert.Fail($"the kernel dropped {drops} events for the socket, the source counted {sink.Lost} ({sink.LowerBounds} of its counts only 'at least')");
            }

            kernel = KernelSocketDrops.Of(socket);
            counted = sink.Lost;
            kernel = kernel == drops ? kernel : -1;
        }

        Assert.Equal(kernel, counted);
        Assert.Equal(0, sink.LowerBounds);

        // What the test itself knows: the shell and every /bin/true exec'd, and each was either delivered or counted lost.
        var execs = sink.Snapshot().Count(e => e.Kind == KernelEventKind.Exec);
        Assert.True(counted + execs >= Storm + 1, $"{counted} lost and {execs} delivered, but the storm alone made {Storm + 1} execs");
    }

    private static async Task RunAsync(string file, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments))!;
        await process.WaitForExitAsync();
    }
}
