using System.Diagnostics;
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
    public async Task The_side_socket_wakes_nothing_forks_are_not_delivered()
    {
        var sink = new RecordingSink();
        await using var source = new ProcConnectorEventSource(new ProcConnectorOptions { RealtimePriority = 0 });
        await source.StartAsync(sink, KernelEventInterest.Exec, CancellationToken.None);

        var pid = await RunAsync("/bin/true", "tracing-fork-ledger-quiet");
        Assert.NotNull(await sink.WaitForAsync(e => e.Kind == KernelEventKind.Exec && e.Tgid == pid));

        // The child's fork went to the ledger only: the sink asked for execs and got nothing else.
        Assert.Null(await sink.WaitForAsync(e => e.Kind != KernelEventKind.Exec, TimeSpan.FromMilliseconds(200)));
    }

    [Fact]
    public async Task Thread_creations_are_dropped_by_the_kernel_before_they_reach_the_side_socket()
    {
        var sink = new RecordingSink();
        await using var source = new ProcConnectorEventSource(new ProcConnectorOptions { RealtimePriority = 0 });
        await source.StartAsync(sink, KernelEventInterest.Exec, CancellationToken.None);
        var ledger = source.ForkLedger;
        Assert.NotNull(ledger);
        Assert.True(ledger.ThreadsFiltered, "the kernel refused the socket filter");
        var before = ledger.DatagramsReceived;

        // 500 thread creations in this process: each is a fork event with child pid != child tgid.
        const int Threads = 500;
        for (var i = 0; i < Threads; i++)
        {
            var thread = new Thread(static () => { });
            thread.Start();
            thread.Join();
        }

        // An exec drains the side socket; by then every one of those thread forks would be queued there.
        var pid = await RunAsync("/bin/true", "tracing-after-threads");
        Assert.NotNull(await sink.WaitForAsync(e => e.Kind == KernelEventKind.Exec && e.Tgid == pid));

        // What did arrive: the few process forks of the machine meanwhile, /bin/true's among them, not the threads.
        var received = ledger.DatagramsReceived - before;
        Assert.InRange(received, 1, Threads / 2);
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
