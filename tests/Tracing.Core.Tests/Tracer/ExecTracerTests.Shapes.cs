using Tracing.Events;
using Tracing.Filtering;

namespace Tracing.Core.Tests.Tracer;

/// <summary>Process shapes the kernel makes, in the order the proc connector reports them (see the recorded shapes).</summary>
public sealed partial class ExecTracerTests
{
    private const int Shape = 30;
    private const int ShapeThread = 31;

    public static TheoryData<string> Scopes => ["tree", "machine"];

    private static Action<Tracing.Tracer.ExecTracingOptions> InScope(string scope) => o =>
    {
        o.Filter = scope == "tree" ? ExecTraceFilter.ProcessTree(Root) : ExecTraceFilter.Everything;
        o.IncludeExits = true;
    };

    [Theory]
    [MemberData(nameof(Scopes))]
    public async Task A_thread_that_execs_is_one_exec_of_the_same_process_and_its_leaders_death_no_exit(string scope)
    {
        AddRootWithDescendants();
        var shape = _processes.Add(Shape, Root, "thread-exec", "./thread-exec");

        var events = await TraceAsync(
            () =>
            {
                _source.Fork(Root, Shape, 1_000);
                _source.Exec(Shape, 2_000);
                _source.ThreadFork(Shape, ShapeThread, 3_000);
                _source.Exit(Shape, status: 0, timestampNs: 4_000, parentPid: Root); // the old leader, killed by de_thread
                shape.Argv = ["/bin/echo", "from-thread"];
                shape.CommandName = "echo";
                _source.Exec(Shape, 5_000);
                _source.Exit(Shape, status: 0, timestampNs: 6_000, parentPid: Root);
            },
            InScope(scope));

        var mine = events.Where(e => e is ExecEvent { Pid: Shape } or ExitEvent { Pid: Shape }).ToList();
        Assert.Collection(
            mine,
            e => Assert.Equal(["./thread-exec"], ((ExecEvent)e).Arguments.Strings),
            e => Assert.Equal(["/bin/echo", "from-thread"], ((ExecEvent)e).Arguments.Strings),
            e => Assert.Equal(6_000, ((ExitEvent)e).KernelTimestampNs));
        Assert.All(mine.OfType<ExecEvent>(), e => Assert.Equal(Root, e.ParentPid));
        Assert.Equal("echo", ((ExitEvent)mine[2]).CommandName);
    }

    [Theory]
    [MemberData(nameof(Scopes))]
    public async Task A_process_whose_leader_calls_pthread_exit_ends_with_its_last_thread(string scope)
    {
        AddRootWithDescendants();
        _processes.Add(Shape, Root, "pexit", "./pexit");

        var events = await TraceAsync(
            () =>
            {
                _source.Fork(Root, Shape, 1_000_000_000);
                _source.Exec(Shape, 1_000_000_001);
                _source.ThreadFork(Shape, ShapeThread, 1_000_000_002);
                _source.ThreadFork(Shape, ShapeThread + 1, 1_000_000_003);
                _source.Exit(Shape, status: 0, timestampNs: 1_000_000_004, parentPid: Root);
                _source.ThreadExit(Shape, ShapeThread + 1, 1_000_000_005);
                _source.ThreadExit(Shape, ShapeThread, 3_000_000_000, status: 7 << 8);
            },
            InScope(scope));

        var exit = Assert.Single(events.OfType<ExitEvent>(), e => e.Pid == Shape);
        Assert.Equal(7, exit.ExitCode);
        Assert.Equal(3_000_000_000, exit.KernelTimestampNs);
        Assert.Equal(TimeSpan.FromSeconds(2), exit.Lifetime);
        Assert.Equal(Root, exit.ParentPid);
    }

    [Theory]
    [MemberData(nameof(Scopes))]
    public async Task An_orphan_that_execs_reports_the_parent_it_was_given_not_its_dead_forker(string scope)
    {
        AddRootWithDescendants();
        _processes.Add(Shape, Root, "daemonize", "daemonize");
        var daemon = _processes.Add(Shape + 2, Shape, "daemonize", "daemonize");

        var events = await TraceAsync(
            () =>
            {
                _source.Fork(Root, Shape, 1);
                _source.Exec(Shape, 2);
                _source.Fork(Shape, Shape + 2, 3);
                _source.Exit(Shape, 0, 4, parentPid: Root);
                daemon.ParentPid = 1; // the kernel re-parents it to init (or a subreaper)
                daemon.Argv = ["/usr/sbin/daemon", "--foreground"];
                _source.Exec(Shape + 2, 5);
                _source.Exit(Shape + 2, 0, 6, parentPid: 1);
            },
            InScope(scope));

        var exec = Assert.Single(events.OfType<ExecEvent>(), e => e.Pid == Shape + 2);
        Assert.Equal(1, exec.ParentPid);
        Assert.Equal(["/usr/sbin/daemon", "--foreground"], exec.Arguments.Strings);
        Assert.Single(events.OfType<ExitEvent>(), e => e.Pid == Shape + 2);
    }

    [Fact]
    public async Task An_orphan_gone_before_its_parent_could_be_read_says_the_parent_is_unknown()
    {
        AddRootWithDescendants();
        _processes.Add(Shape, Root, "daemonize", "daemonize");

        var events = await TraceAsync(
            () =>
            {
                _source.Fork(Root, Shape, 1);
                _source.Fork(Shape, Shape + 2, 3);
                _source.Exit(Shape, 0, 4, parentPid: Root);
                _source.Exec(Shape + 2, 5); // and gone already: nothing to read
            },
            InScope("tree"));

        var exec = Assert.Single(events.OfType<ExecEvent>(), e => e.Pid == Shape + 2);
        Assert.Equal(0, exec.ParentPid);
        Assert.Equal(ArgvSource.None, exec.ArgvSource);
    }

    [Fact]
    public async Task A_multi_threaded_process_that_existed_before_tracing_keeps_its_exec_from_a_thread()
    {
        AddRootWithDescendants();
        var existing = _processes.Add(Shape, Root, "server", "server");
        existing.OtherThreads = [ShapeThread, ShapeThread + 1];

        var events = await TraceAsync(
            () =>
            {
                _source.Exit(Shape, 0, 10, parentPid: Root); // de_thread kills the leader
                existing.Argv = ["/bin/echo", "late"];
                _source.Exec(Shape, 11);
                _source.ThreadExit(Shape, ShapeThread + 1, 12); // killed by the exec, reported after it
                _source.Exec(Shape + 100, 13); // an outsider, so that the stream has something after
            },
            InScope("tree"));

        Assert.DoesNotContain(events.OfType<ExitEvent>(), e => e.Pid == Shape);
        var exec = Assert.Single(events.OfType<ExecEvent>(), e => e.Pid == Shape);
        Assert.Equal(["/bin/echo", "late"], exec.Arguments.Strings);
    }

    [Fact]
    public async Task A_zombie_leader_found_when_tracing_starts_ends_with_its_last_thread()
    {
        AddRootWithDescendants();
        var existing = _processes.Add(Shape, Root, "pexit", "pexit");
        existing.OtherThreads = [ShapeThread];
        existing.State = 'Z';

        var events = await TraceAsync(
            () => _source.ThreadExit(Shape, ShapeThread, 10, status: 3 << 8),
            InScope("tree"));

        var exit = Assert.Single(events.OfType<ExitEvent>());
        Assert.Equal(Shape, exit.Pid);
        Assert.Equal(3, exit.ExitCode);
    }

    [Fact]
    public async Task After_a_loss_threads_are_read_again_so_a_leaders_exit_stays_no_end()
    {
        AddRootWithDescendants();
        var shape = _processes.Add(Shape, Root, "pool", "pool");

        var events = await TraceAsync(
            () =>
            {
                _source.Fork(Root, Shape, 1);
                _source.Exec(Shape, 2);
                shape.OtherThreads = [ShapeThread]; // its thread creation was among the lost events
                _source.LoseEvents(1);
                _source.Exit(Shape, 0, 3, parentPid: Root);
                _source.ThreadExit(Shape, ShapeThread, 4, status: 5 << 8);
            },
            InScope("tree"));

        var exit = Assert.Single(events.OfType<ExitEvent>());
        Assert.Equal(5, exit.ExitCode);
        Assert.Equal(4, exit.KernelTimestampNs);
    }
}
