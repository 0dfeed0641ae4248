using System.Text.Json.Nodes;
using NSubstitute;
using Tracing.Events;
using Tracing.Filtering;
using Tracing.Linux.CnProc;
using Tracing.Linux.Netlink;
using Tracing.Ports;
using Tracing.Tracer;
using static Tracing.Linux.Tests.Netlink.ForkLedgerEvents;

namespace Tracing.Linux.Tests.CnProc;

/// <summary>
/// The recorded process shapes (threads that exec, a leader's pthread_exit, daemons, subreapers, exec chains, reused
/// pids), replayed without a kernel: each datagram decodes as recorded, and the tracer fed them reports exactly the
/// subtree's execs with their parents and one exit per process with its code, as the shape wrote them down.
/// </summary>
public class ShapeReplayTests
{
    public static TheoryData<string> Shapes => [.. ShapeFixture.Names];

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Every_datagram_decodes_as_recorded(string shape)
    {
        var fixture = ShapeFixture.Load(shape);
        var files = 0;
        foreach (var (file, bytes) in fixture.Feed)
        {
            var actual = CnProcJson.Decode(file, bytes);
            Assert.True(JsonNode.DeepEquals(fixture.Expected[file], actual), $"{shape}/{file}: expected {fixture.Expected[file].ToJsonString()}\nactual   {actual.ToJsonString()}");
            files++;
        }

        Assert.Equal(fixture.Expected.Count, files);
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task The_tracer_reports_the_subtree_execs_parents_and_one_exit_per_process(string shape)
    {
        var fixture = ShapeFixture.Load(shape);
        foreach (var filter in new[] { ExecTraceFilter.ProcessTree(fixture.RootPid), ExecTraceFilter.Everything })
        {
            var pids = fixture.Execs.Select(e => e.Pid).ToHashSet();
            var events = (await ReplayAsync(fixture, filter)).Where(e => e is ExecEvent or ExitEvent && pids.Contains(e.Pid)).ToList();

            Assert.Equal(
                fixture.Execs.Select(e => $"{e.Pid} ppid={e.Parent}"),
                events.OfType<ExecEvent>().Select(e => $"{e.Pid} ppid={e.ParentPid}"));
            Assert.Equal(
                fixture.Exits.Select(e => $"{e.Pid} exit={e.Code} signal={e.Signal}"),
                events.OfType<ExitEvent>().Select(e => $"{e.Pid} exit={e.ExitCode} signal={e.Signal}"));
        }
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void The_fork_ledger_gives_an_exec_its_forker_only_while_that_forker_lives(string shape)
    {
        var fixture = ShapeFixture.Load(shape);
        var ledger = new ForkLedger();
        var forkers = new Dictionary<int, int>();
        var execs = fixture.Execs.ToDictionary(e => e.File);
        var answered = 0;
        foreach (var (file, bytes) in fixture.Feed)
        {
            foreach (var e in Events(bytes))
            {
                if (e.Kind == KernelEventKind.Exec && execs.TryGetValue(file, out var expected))
                {
                    // Re-parented (its forker had ended): the ledger must not answer, the process is asked instead. It
                    // may also not know (a forker whose leader had exited): never a wrong parent.
                    var completed = Known(ledger.Complete(e));
                    Assert.True(
                        completed == 0 || (completed == expected.Parent && forkers[e.Tgid] == expected.Parent),
                        $"{shape}/{file}: the ledger gave {completed}, the process had {expected.Parent}");
                    answered += completed == 0 ? 0 : 1;
                }
                else if (e.Kind == KernelEventKind.Exec)
                {
                    ledger.Complete(e);
                }

                if (e.Kind == KernelEventKind.Fork && !e.IsThread)
                {
                    forkers[e.Tgid] = e.ParentTgid;
                }

                ledger.Record(e);
            }
        }

        // The driver's exec at least: its forker (the recorder) lived.
        Assert.True(answered > 0, $"{shape}: the ledger answered no exec");
    }

    private static async Task<List<TraceEvent>> ReplayAsync(ShapeFixture fixture, ExecTraceFilter filter)
    {
        // What /proc would say: the parent each process has at its exec (for a re-parented one, its reaper).
        var parents = new Dictionary<int, int>();
        var rootFork = fixture.Feed.SelectMany(f => Events(f.Bytes)).First(e => e.Kind == KernelEventKind.Fork && e.Tgid == fixture.RootPid);
        parents[fixture.RootPid] = rootFork.ParentTgid;
        var reader = Substitute.For<IProcessInfoReader>();
        reader.CurrentProcessId.Returns(int.MaxValue - 10);
        reader.EnumerateProcessIds().Returns(_ => [fixture.RootPid]);
        reader.TryReadStat(Arg.Any<int>(), out Arg.Any<ProcessStat>()).Returns(call =>
        {
            var known = parents.TryGetValue(call.ArgAt<int>(0), out var parent);
            call[1] = known ? new ProcessStat(call.ArgAt<int>(0), parent, "replayed", 'S') : default;
            return known;
        });
        reader.TryReadOtherThreadIds(Arg.Any<int>(), out Arg.Any<IReadOnlyList<int>?>()).Returns(call =>
        {
            call[1] = Array.Empty<int>();
            return true;
        });

        var source = new ReplaySource();
        var clock = Substitute.For<IMonotonicClock>();
        await using var tracer = new ExecTracer(source, reader, clock, new ExecTracingOptions { Filter = filter, IncludeExits = true });
        var events = tracer.CreateReader();
        await tracer.StartAsync();
        var execs = fixture.Execs.ToDictionary(e => e.File);
        foreach (var (file, bytes) in fixture.Feed)
        {
            if (execs.TryGetValue(file, out var exec))
            {
                parents[exec.Pid] = exec.Parent;
            }

            foreach (var e in Events(bytes))
            {
                source.Sink!.OnEvent(e);
            }
        }

        await tracer.StopAsync();
        var delivered = new List<TraceEvent>();
        await foreach (var item in events.ReadAllAsync())
        {
            delivered.Add(item);
        }

        return delivered;
    }

    private static List<KernelEvent> Events(byte[] datagram)
    {
        var events = new List<KernelEvent>();
        var reader = new CnProcMessageReader(datagram);
        while (reader.TryRead(out var message))
        {
            if (message.HasProcEvent && CnProcEventMapper.TryToKernelEvent(message.Event, out var e) && e.Kind != KernelEventKind.Other)
            {
                events.Add(e);
            }
        }

        return events;
    }

    private sealed class ReplaySource : IKernelEventSource
    {
        public IKernelEventSink? Sink { get; private set; }

        public Task Completion { get; } = new TaskCompletionSource().Task;

        public ValueTask StartAsync(IKernelEventSink sink, KernelEventInterest interest, CancellationToken cancellationToken)
        {
            Sink = sink;
            return ValueTask.CompletedTask;
        }

        public ValueTask StopAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
