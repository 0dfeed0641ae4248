using Tracing.Darwin.Polling;
using Tracing.Ports;
using Tracing.Tree;

namespace Tracing.Darwin.Tests.Polling;

public class DarwinPollingEventSourceTests
{
    private static readonly byte[] s_launchd = KinfoProcBuilder.Record(1, 0, "launchd", 1);
    private static readonly byte[] s_root = KinfoProcBuilder.Record(100, 1, "zsh", 10);

    private static (FakeKernel Kernel, DarwinPollingEventSource Source, RecordingSink Sink) Start(byte[] baseline, DarwinPollingOptions? options = null, ProcessSnapshotStore? store = null)
    {
        var kernel = new FakeKernel { Table = baseline };
        var source = new DarwinPollingEventSource(options, store, kernel.Sysctl, new DarwinMonotonicClock());
        source.TakeBaseline();
        return (kernel, source, new RecordingSink());
    }

    [Fact]
    public void What_exists_at_the_start_is_never_reported()
    {
        var (_, source, sink) = Start(KinfoProcBuilder.Table(s_launchd, s_root));

        source.PollOnce(sink, KernelEventInterest.All);

        Assert.Empty(sink.Events);
    }

    [Fact]
    public void A_new_chain_found_in_one_poll_is_tracked_whole_by_the_process_tree()
    {
        var (kernel, source, sink) = Start(KinfoProcBuilder.Table(s_launchd, s_root));
        var tree = new ProcessTree(100);
        sink.OnEach = e =>
        {
            if (e.Kind == KernelEventKind.Fork)
            {
                tree.OnFork(e.ParentTgid, e.Tgid, e.TimestampNs);
            }
        };

        // root -> make (300) -> sh (200) -> cc (250): pids out of order, listed child first.
        kernel.Table = KinfoProcBuilder.Table(
            s_launchd, s_root,
            KinfoProcBuilder.Record(250, 200, "cc", 20),
            KinfoProcBuilder.Record(200, 300, "sh", 20),
            KinfoProcBuilder.Record(300, 100, "make", 20),
            KinfoProcBuilder.Record(400, 1, "unrelated", 20));
        source.PollOnce(sink, KernelEventInterest.All);

        Assert.True(tree.Contains(300));
        Assert.True(tree.Contains(200));
        Assert.True(tree.Contains(250));
        Assert.False(tree.Contains(400));
        Assert.True(tree.TryGet(250, out var cc));
        Assert.Equal(300, cc.Branch);
    }

    [Fact]
    public void Interest_without_forks_and_exits_gets_only_execs()
    {
        var (kernel, source, sink) = Start(KinfoProcBuilder.Table(s_launchd, s_root, KinfoProcBuilder.Record(5, 1, "old", 3)));
        kernel.Table = KinfoProcBuilder.Table(s_launchd, s_root, KinfoProcBuilder.Record(6, 100, "ls", 11));

        source.PollOnce(sink, KernelEventInterest.Exec);

        Assert.Equal([(KernelEventKind.Exec, 6)], sink.Events.Select(e => (e.Kind, e.Tgid)));
    }

    [Fact]
    public void A_fork_is_stamped_between_the_two_polls_and_before_its_exec()
    {
        var (kernel, source, sink) = Start(KinfoProcBuilder.Table(s_launchd, s_root));
        var afterBaseline = new DarwinMonotonicClock().NowNanoseconds;
        kernel.Table = KinfoProcBuilder.Table(s_launchd, s_root, KinfoProcBuilder.Record(6, 100, "ls", DateTimeOffset.UtcNow.ToUnixTimeSeconds()));

        source.PollOnce(sink, KernelEventInterest.All);

        var fork = sink.Events.Single(e => e.Kind == KernelEventKind.Fork);
        var exec = sink.Events.Single(e => e.Kind == KernelEventKind.Exec);
        Assert.InRange(fork.TimestampNs, afterBaseline - 1_000_000_000, exec.TimestampNs);
    }

    [Fact]
    public void The_store_holds_the_new_table_while_events_are_delivered()
    {
        var store = new ProcessSnapshotStore();
        var (kernel, source, sink) = Start(KinfoProcBuilder.Table(s_launchd, s_root), store: store);
        var seen = new List<bool>();
        sink.OnEach = e => seen.Add(store.TryGet(e.Tgid, out var r) && r.CommandName.ToString() == "ls");
        kernel.Table = KinfoProcBuilder.Table(s_launchd, s_root, KinfoProcBuilder.Record(6, 100, "ls", 11));

        source.PollOnce(sink, KernelEventInterest.All);

        Assert.Equal([true, true], seen);
    }

    [Fact]
    public void With_compare_arguments_an_exec_that_keeps_the_name_is_seen()
    {
        var (kernel, source, sink) = Start(KinfoProcBuilder.Table(s_launchd, s_root), new DarwinPollingOptions { CompareArguments = true });
        kernel.Arguments[100] = [1, 0, 0, 0, .. "/bin/zsh\0\0\0\0\0\0\0\0zsh\0"u8];
        source.PollOnce(sink, KernelEventInterest.All);
        Assert.Empty(sink.Events);

        kernel.Arguments[100] = [2, 0, 0, 0, .. "/bin/zsh\0\0\0\0\0\0\0\0zsh\0-c\0"u8];
        source.PollOnce(sink, KernelEventInterest.All);

        Assert.Equal([(KernelEventKind.Exec, 100)], sink.Events.Select(e => (e.Kind, e.Tgid)));
    }

    [Fact]
    public async Task Start_takes_the_baseline_then_polls_until_stopped()
    {
        var kernel = new FakeKernel { Table = KinfoProcBuilder.Table(s_launchd, s_root) };
        await using var source = new DarwinPollingEventSource(new DarwinPollingOptions { Interval = TimeSpan.FromMilliseconds(10) }, sysctl: kernel.Sysctl);
        var sink = new RecordingSink();
        var exec = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        sink.OnEach = e =>
        {
            if (e.Kind == KernelEventKind.Exec)
            {
                exec.TrySetResult();
            }
        };

        await source.StartAsync(sink, KernelEventInterest.All, CancellationToken.None);
        Assert.Equal(1, sink.Prepared);
        kernel.Table = KinfoProcBuilder.Table(s_launchd, s_root, KinfoProcBuilder.Record(6, 100, "ls", 11));
        await exec.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await source.StopAsync(CancellationToken.None);

        Assert.True(source.Completion.IsCompletedSuccessfully);
        Assert.Equal([KernelEventKind.Fork, KernelEventKind.Exec], sink.Events.Select(e => e.Kind));
    }

    [Fact]
    public async Task A_failing_baseline_fails_the_start()
    {
        var kernel = new FakeKernel { Table = new byte[100] };
        await using var source = new DarwinPollingEventSource(sysctl: kernel.Sysctl);

        await Assert.ThrowsAsync<IOException>(async () => await source.StartAsync(new RecordingSink(), KernelEventInterest.All, CancellationToken.None));
    }
}
