using Tracing.Events;
using Tracing.Filtering;
using Tracing.Darwin.Polling;
using Tracing.Tracer;

namespace Tracing.Darwin.Tests.Polling;

/// <summary>Core's tracer over the poller and the reader, sharing one table, on a fake kernel.</summary>
public class ExecTracerOverPollerTests
{
    [Fact]
    public async Task Descendants_found_in_one_poll_are_reported_with_argv_and_exits()
    {
        var kernel = new FakeKernel
        {
            Table = KinfoProcBuilder.Table(KinfoProcBuilder.Record(1, 0, "launchd", 1), KinfoProcBuilder.Record(100, 1, "zsh", 10)),
        };
        var store = new ProcessSnapshotStore();
        var source = new DarwinPollingEventSource(new DarwinPollingOptions { Interval = TimeSpan.FromMilliseconds(10) }, store, kernel.Sysctl);
        var reader = new DarwinProcessInfoReader(store, kernel.Sysctl);
        var options = new ExecTracingOptions { Filter = new ProcessTreeFilter(100), IncludeExits = true };
        await using var tracer = new ExecTracer(source, reader, new DarwinMonotonicClock(), options);
        var events = new List<TraceEvent>();
        var sawExit = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var sawTwo = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = tracer.Subscribe(e =>
        {
            lock (events)
            {
                events.Add(e);
                if (events.Count >= 2)
                {
                    sawTwo.TrySetResult();
                }
            }

            if (e is ExitEvent)
            {
                sawExit.TrySetResult();
            }
        });
        await tracer.StartAsync();

        // zsh -> sh (300) -> git (250), both new in one poll, git listed first; an unrelated process too.
        kernel.Arguments[300] = [2, 0, 0, 0, .. "/bin/sh\0sh\0./build.sh\0"u8];
        kernel.Arguments[250] = ProcArgs2Builder.Buffer("/usr/bin/git", ["git", "commit", "-m", "first commit"], "PATH=/usr/bin:/bin");
        kernel.Arguments[400] = [1, 0, 0, 0, .. "/bin/other\0other\0"u8];
        kernel.Table = KinfoProcBuilder.Table(
            KinfoProcBuilder.Record(1, 0, "launchd", 1), KinfoProcBuilder.Record(100, 1, "zsh", 10),
            KinfoProcBuilder.Record(250, 300, "git", 20), KinfoProcBuilder.Record(300, 100, "sh", 20),
            KinfoProcBuilder.Record(400, 1, "other", 20));
        await sawTwo.Task.WaitAsync(TimeSpan.FromSeconds(10));

        // git exits: it becomes a zombie.
        kernel.Table = KinfoProcBuilder.Table(
            KinfoProcBuilder.Record(1, 0, "launchd", 1), KinfoProcBuilder.Record(100, 1, "zsh", 10),
            KinfoProcBuilder.Record(250, 300, "git", 20, stat: 5), KinfoProcBuilder.Record(300, 100, "sh", 20),
            KinfoProcBuilder.Record(400, 1, "other", 20));
        await sawExit.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await tracer.StopAsync();

        List<TraceEvent> seen;
        lock (events)
        {
            seen = [.. events];
        }

        var execs = seen.OfType<ExecEvent>().ToList();
        Assert.Equal([300, 250], execs.Select(e => e.Pid));
        Assert.Equal(["sh", "./build.sh"], execs[0].Arguments.Strings);
        Assert.Equal(["git", "commit", "-m", "first commit"], execs[1].Arguments.Strings);
        Assert.All(execs, e => Assert.Equal(ArgvSource.Complete, e.ArgvSource));
        Assert.Equal(300, execs[1].ParentPid);
        Assert.Equal("/usr/bin/git", execs[1].ExecutablePath);
        Assert.Equal(250, Assert.Single(seen.OfType<ExitEvent>()).Pid);
    }
}
