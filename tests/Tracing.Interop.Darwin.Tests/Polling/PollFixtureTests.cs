using System.Text.Json.Nodes;
using Tracing.Darwin.KinfoProc;
using Tracing.Darwin.Polling;
using Tracing.Ports;

namespace Tracing.Darwin.Tests.Polling;

/// <summary>The shared poll pair: two KERN_PROC_ALL snapshots and the events a poller must derive (order free).</summary>
public class PollFixtureTests
{
    private static JsonNode Poll => DarwinFixtures.Expected["poll"]!;

    [Fact]
    public void The_diff_derives_exactly_the_expected_events()
    {
        var before = Decode((string)Poll["before"]!);
        var after = Decode((string)Poll["after"]!);
        var changes = new List<ProcessChange>();

        SnapshotDiff.Compute(before.ToDictionary(r => r.Pid), after, changes);

        var actual = changes.Select(c => c.Kind == ProcessChangeKind.Exited
            ? $"exit {c.Record.Pid} {c.Record.CommandName}"
            : $"exec {c.Record.Pid} {c.Record.ParentPid} {c.Record.CommandName}");
        Assert.Equal(Expected().Order(StringComparer.Ordinal), actual.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_poller_reports_them_as_kernel_events_with_a_fork_before_each_new_process()
    {
        var kernel = new FakeKernel { Table = DarwinFixtures.Read((string)Poll["before"]!) };
        var source = new DarwinPollingEventSource(sysctl: kernel.Sysctl, clock: new DarwinMonotonicClock());
        var sink = new RecordingSink();
        source.TakeBaseline();
        kernel.Table = DarwinFixtures.Read((string)Poll["after"]!);
        var after = Decode((string)Poll["after"]!).ToDictionary(r => r.Pid);

        source.PollOnce(sink, KernelEventInterest.All);

        // A kernel event names no command: an exit is its pid; an exec's command is the new snapshot's.
        var events = sink.Events;
        var derived = events.Where(e => e.Kind != KernelEventKind.Fork).Select(e => e.Kind == KernelEventKind.Exit
            ? $"exit {e.Tgid}"
            : $"exec {e.Tgid} {e.ParentTgid} {after[e.Tgid].CommandName}");
        Assert.Equal(
            Expected(withExitCommand: false).Order(StringComparer.Ordinal),
            derived.Order(StringComparer.Ordinal));

        // A new process (a new pid, or a reused one with a new start time) gets Fork(ppid -> pid) right before its Exec;
        // an exec of a process the first snapshot had gets none.
        var newProcesses = Events("exec").Where(e => (bool)e["new_process"]!).ToList();
        foreach (var process in newProcesses)
        {
            var pid = (int)process["pid"]!;
            var fork = events.FindIndex(e => e.Kind == KernelEventKind.Fork && e.Tgid == pid);
            Assert.True(fork >= 0, $"no fork for {pid}");
            Assert.Equal((int)process["ppid"]!, events[fork].ParentTgid);
            Assert.Equal((KernelEventKind.Exec, pid), (events[fork + 1].Kind, events[fork + 1].Tgid));

            // A reused pid: the old incarnation exits before the new one forks.
            var exit = events.FindIndex(e => e.Kind == KernelEventKind.Exit && e.Tgid == pid);
            Assert.True(exit < fork, $"the old {pid} must exit before the new {pid} forks");
        }

        Assert.Equal(newProcesses.Count, events.Count(e => e.Kind == KernelEventKind.Fork));
    }

    private static IEnumerable<string> Expected(bool withExitCommand = true) => Poll["events_unordered"]!.AsArray().Select(e => (string)e!["kind"]! == "exit"
        ? withExitCommand ? $"exit {(int)e["pid"]!} {(string)e["comm"]!}" : $"exit {(int)e["pid"]!}"
        : $"exec {(int)e["pid"]!} {(int)e["ppid"]!} {(string)e["comm"]!}");

    private static IEnumerable<JsonNode> Events(string kind) =>
        Poll["events_unordered"]!.AsArray().Select(e => e!).Where(e => (string)e["kind"]! == kind);

    private static List<KinfoProcRecord> Decode(string file)
    {
        var records = new List<KinfoProcRecord>();
        Assert.True(KinfoProcDecoder.TryDecodeAll(DarwinFixtures.Read(file), records), $"{file} must decode");
        return records;
    }
}
