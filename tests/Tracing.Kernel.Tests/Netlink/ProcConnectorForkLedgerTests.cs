using System.Diagnostics;
using Microsoft.Extensions.Logging.Testing;
using Tracing.Linux;
using Tracing.Linux.Netlink;
using Tracing.Ports;

namespace Tracing.Kernel.Tests.Netlink;

/// <summary>Execs-only subscriptions learn each exec'ing process's parent from the side socket of forks.</summary>
public class ProcConnectorForkLedgerTests
{
    [Fact]
    public async Task An_exec_carries_the_parent_that_forked_it()
    {
        var sink = new RecordingSink();
        await using var source = new ProcConnectorEventSource(new ProcConnectorOptions { RealtimePriority = 0 });
        await source.StartAsync(sink, KernelEventInterest.Exec, CancellationToken.None);

        // This process forks the child: the fork is on the side socket before the child's exec is received.
        var pid = await RunAsync("/bin/true", "tracing-fork-ledger");

        var exec = await sink.WaitForAsync(e => e.Kind == KernelEventKind.Exec && e.Tgid == pid);
        Assert.NotNull(exec);
        Assert.Equal(Environment.ProcessId, exec.Value.ParentTgid);
    }

    [Fact]
    public async Task A_fork_queued_before_the_receive_loop_starts_gives_its_exec_a_parent()
    {
        // The receive thread is held once the side socket is subscribed, before its receive loop drains anything.
        using var logger = new HoldingLogger("ForkLedgerOpened");
        var sink = new RecordingSink();
        await using var source = new ProcConnectorEventSource(new ProcConnectorOptions { RealtimePriority = 0 }, logger);
        var start = source.StartAsync(sink, KernelEventInterest.Exec, CancellationToken.None).AsTask();
        int pid;
        try
        {
            Assert.True(logger.Holding.Wait(TimeSpan.FromSeconds(30)), "the fork ledger was not opened");

            // Forked, exec'd and ended while nothing reads either socket: both events wait in the kernel's queues.
            pid = await RunAsync("/bin/true", "tracing-fork-before-loop");
        }
        finally
        {
            logger.Release();
        }

        await start;
        var exec = await sink.WaitForAsync(e => e.Kind == KernelEventKind.Exec && e.Tgid == pid);
        Assert.NotNull(exec);

        // Only the ledger gives a source's exec a parent (cn_proc's exec event has none): the fork reached the ledger the
        // receive loop completes execs from, not one drained and thrown away before it.
        Assert.Equal(Environment.ProcessId, exec.Value.ParentTgid);
    }

    [Fact]
    public async Task The_side_socket_wakes_nothing_forks_are_not_delivered()
    {
        var sink = new RecordingSink();
        await using var source = new ProcConnectorEventSource(new ProcConnectorOptions { RealtimePriority = 0 });
        await source.StartAsync(sink, KernelEventInterest.Exec, CancellationToken.None);

        var pid = await RunAsync("/bin/true", "tracing-fork-ledger-quiet");
        Assert.NotNull(await sink.WaitForAsync(e => e.Kind == KernelEventKind.Exec && e.Tgid == pid));

        // A sentinel forked and exec'd after it: once its exec is delivered, so would the forks before it have been.
        var sentinel = await RunAsync("/bin/true", "tracing-sentinel-" + Guid.NewGuid().ToString("N"));
        Assert.NotNull(await sink.WaitForAsync(e => e.Kind == KernelEventKind.Exec && e.Tgid == sentinel));

        // The children's forks went to the ledger only: the sink asked for execs and got nothing else.
        Assert.DoesNotContain(sink.Snapshot(), e => e.Kind != KernelEventKind.Exec);
    }

    [Fact]
    public async Task Thread_creations_are_dropped_by_the_kernel_before_they_reach_the_side_socket()
    {
        using var sink = new GatedSink();
        var logger = new FakeLogger<ProcConnectorEventSource>();
        await using var source = new ProcConnectorEventSource(new ProcConnectorOptions { RealtimePriority = 0 }, logger);
        await source.StartAsync(sink, KernelEventInterest.Exec, CancellationToken.None);
        var opened = Assert.Single(logger.Collector.GetSnapshot(), r => r.Id.Name == "ForkLedgerOpened");
        Assert.Equal(bool.TrueString, opened.GetStructuredStateValue("ThreadsFiltered"));

        // The receive thread is held on an exec: nothing drains the side socket until it is released.
        await RunAsync("/bin/true", "tracing-before-threads");
        Assert.True(sink.Holding.Wait(TimeSpan.FromSeconds(30)), "no exec reached the sink");
        try
        {
            // 10,000 thread creations in this process, each a fork and an exit event (pid != tgid): queued, they would
            // overflow the side socket several times over, and the fork of the exec below would be dropped.
            for (var i = 0; i < 10_000; i++)
            {
                var thread = new Thread(static () => { });
                thread.Start();
                thread.Join();
            }
        }
        finally
        {
            sink.Release();
        }

        var reports = sink.LossReports;
        var pid = await RunAsync("/bin/true", "tracing-after-threads");
        Assert.True(await sink.DeliveredOrLostAsync(e => e.Kind == KernelEventKind.Exec && e.Tgid == pid, TimeSpan.FromSeconds(30), reports), "the exec was lost");

        // The side socket held the machine's few process forks, this exec's among them, and never overflowed.
        Assert.Equal(Environment.ProcessId, sink.Snapshot().Single(e => e.Kind == KernelEventKind.Exec && e.Tgid == pid).ParentTgid);
        Assert.DoesNotContain(logger.Collector.GetSnapshot(), r => r.Id.Name == "ForkLedgerOverflowed");
    }

    [Fact]
    public async Task Without_the_ledger_an_exec_carries_no_parent()
    {
        var sink = new RecordingSink();
        await using var source = new ProcConnectorEventSource(new ProcConnectorOptions { RealtimePriority = 0, ParentsFromForks = false });
        await source.StartAsync(sink, KernelEventInterest.Exec, CancellationToken.None);

        var pid = await RunAsync("/bin/true", "tracing-no-fork-ledger");

        var exec = await sink.WaitForAsync(e => e.Kind == KernelEventKind.Exec && e.Tgid == pid);
        Assert.NotNull(exec);
        Assert.Equal(0, exec.Value.ParentTgid);
    }

    [Fact]
    public async Task A_process_forked_before_the_subscription_gets_no_parent_from_the_ledger()
    {
        // The shell is forked now, before the tracer starts; it runs a child, then execs, once told to go on.
        using var shell = Process.Start(new ProcessStartInfo("/bin/sh", ["-c", "read go; /bin/true tracing-child; exec /bin/true tracing-forked-before"])
        {
            RedirectStandardInput = true,
        })!;
        var sink = new RecordingSink();
        await using var source = new ProcConnectorEventSource(new ProcConnectorOptions { RealtimePriority = 0 });
        await source.StartAsync(sink, KernelEventInterest.Exec, CancellationToken.None);
        await shell.StandardInput.WriteLineAsync("go");
        await shell.StandardInput.FlushAsync();
        await shell.WaitForExitAsync();

        var exec = await sink.WaitForAsync(e => e.Kind == KernelEventKind.Exec && e.Tgid == shell.Id);
        Assert.NotNull(exec);
        Assert.Equal(0, exec.Value.ParentTgid);

        // Its own child, forked after the subscription, is in the ledger.
        Assert.NotNull(await sink.WaitForAsync(e => e.Kind == KernelEventKind.Exec && e.ParentTgid == shell.Id));
    }

    private static async Task<int> RunAsync(string file, string argument)
    {
        using var process = Process.Start(new ProcessStartInfo(file, [argument]))!;
        await process.WaitForExitAsync();
        return process.Id;
    }
}
