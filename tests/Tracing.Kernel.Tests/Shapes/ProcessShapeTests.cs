using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Tracing.Events;
using Tracing.Filtering;
using Tracing.Linux;
using Tracing.Linux.Bpf.Source;
using Tracing.Linux.Netlink;
using Tracing.Kernel.Tests.Netlink;
using Tracing.Ports;
using Tracing.Tracer;

namespace Tracing.Kernel.Tests.Shapes;

/// <summary>
/// The kernel is the oracle: a real program (native/shapes.c) makes each process shape and writes down what it did;
/// the tracer's report must be exactly that: each exec once with its pid, parent and argv, one exit per process with
/// its code, nothing else. In every scope, alone, beside an exec storm, and after a counted kernel loss.
/// </summary>
public class ProcessShapeTests
{
    // Room for ~2,500 events (the kernel doubles what is asked), or ~300 when only execs are queued: a burst overflows it,
    // while the resynchronisation and the machine's own activity do not overflow it again during the shape.
    private const int LossBufferBytes = 1024 * 1024;
    private const int ExecsOnlyLossBufferBytes = 128 * 1024;

    // The eBPF ring: a fork takes 40 bytes, an exit 48, an exec about 130; 2,000 processes or 1,000 execs overflow these.
    private const int LossRingBytes = 64 * 1024;
    private const int ExecsOnlyLossRingBytes = 64 * 1024;
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(20);

    public static IReadOnlyList<string> Shapes { get; } =
    [
        "thread-exec",
        "thread-exec-after-leader-exit",
        "leader-pthread-exit",
        "setsid-double-fork-daemon",
        "subreaper-orphan",
        "exec-chain",
        "shebang-script",
        "memfd-fexecve",
        "failed-exec",
        "threads-come-and-go",
        "pid-reused-inside",
        "pid-reused-outside",
        "thread-exec-dies-after-point-of-no-return",
        "orphan-of-a-leaderless-forker",
        "children-of-a-thread-exec",
        "clone-parent-helper",
    ];

    public static TheoryData<string, ShapeScope, ShapeCondition, ExecTracingSource> Cases
    {
        get
        {
            var cases = new TheoryData<string, ShapeScope, ShapeCondition, ExecTracingSource>();
            foreach (var source in (ExecTracingSource[])[ExecTracingSource.Bpf, ExecTracingSource.ProcConnector])
            {
                foreach (var condition in Enum.GetValues<ShapeCondition>())
                {
                    foreach (var scope in Enum.GetValues<ShapeScope>())
                    {
                        foreach (var shape in Shapes)
                        {
                            cases.Add(shape, scope, condition, source);
                        }
                    }
                }
            }

            return cases;
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task The_tracer_reports_exactly_what_the_shape_did(string shape, ShapeScope scope, ShapeCondition condition, ExecTracingSource source)
    {
        using var run = new ShapeRun(shape);
        using var existingDriver = scope == ShapeScope.ProcessTree ? run.StartDriver() : null;
        var filter = scope switch
        {
            ShapeScope.RunCommand => ExecTraceFilter.RunCommand(new CommandSpec(ShapesProgram.Path, run.DriverArguments)),
            ShapeScope.ProcessTree => ExecTraceFilter.ProcessTree(await run.GoAsync(sendGo: false)),
            _ => ExecTraceFilter.Everything,
        };
        HeldEventSource? held = null;
        var exits = scope != ShapeScope.MachineExecs;
        await using var tracer = new KernelTracer(filter, includeExits: exits, source: source, services: condition != ShapeCondition.AfterLoss ? null : s =>
            s.AddSingleton<IKernelEventSource>(_ => held = new HeldEventSource(SmallSource(source, exits))));
        await tracer.Tracer.StartAsync();
        var machine = scope is ShapeScope.Machine or ShapeScope.MachineExecs;
        using var machineDriver = machine ? run.StartDriver() : null;
        if (condition == ShapeCondition.AfterLoss)
        {
            await LoseEventsAsync(held!, tracer, execs: !exits);
        }

        using var storm = condition == ShapeCondition.Storm ? Storm.Start() : null;
        var driver = await run.GoAsync(sendGo: true);
        await run.WaitDoneAsync();
        storm?.Dispose();
        await run.EndAsync();

        // The driver ends as the sentinel: once it has ended its record is whole.
        if (exits)
        {
            Assert.True(await tracer.WaitForAsync(e => e is ExitEvent exit && exit.Pid == driver, s_timeout), "the driver's exit was not reported");
        }
        else
        {
            await machineDriver!.WaitForExitAsync();
        }

        if (scope == ShapeScope.RunCommand)
        {
            Assert.Equal(0, await tracer.Tracer.WaitForCommandAsync());
        }

        var record = run.Record;
        var argv = (string[])[ShapesProgram.Path, .. run.DriverArguments];
        var launch = scope switch
        {
            ShapeScope.RunCommand => (tracer.Tracer.Command!.Pid, Environment.ProcessId, argv),
            ShapeScope.Machine or ShapeScope.MachineExecs => (machineDriver!.Id, Environment.ProcessId, argv),
            _ => ((int, int, string[])?)null,
        };
        // A CLONE_PARENT helper's parent is the driver's: outside a -p tree, and, to a library tracer that runs a command
        // without CommandFilter.IncludeTracerChildren (this test host starts processes of its own), not the command's.
        var expected = ShapeExpectation.Expected(record, launch, outsidersInScope: machine, siblingsInScope: machine, exits);

        // In a tree scope everything delivered is the shape's; on the whole machine, what concerns the pids it used.
        // Every process of the shape had ended before the sentinel ran; their events may still trail it by a little.
        var pids = record.Lines.Where(l => l.Length > 1 && l[0] != "reuse").Select(ShapeRecord.Pid).ToHashSet();
        Func<int, bool> inScope = machine ? pids.Contains : _ => true;
        await tracer.WaitUntilAsync(events => ShapeExpectation.Covers(ShapeExpectation.Actual(events, inScope), expected), s_timeout);
        var actual = ShapeExpectation.Actual(tracer.Events, inScope);
        // One overflow may be reported in parts (each CPU's gap when that CPU is next heard from), resynchronising each time.
        var losses = tracer.Events.OfType<EventsLostEvent>().Sum(e => e.Count);
        Assert.True((losses > 0) == (condition == ShapeCondition.AfterLoss), $"{losses} events lost: not the run intended");
        Assert.Equal(ShapeExpectation.Render(expected), ShapeExpectation.Render(actual));
        foreach (var path in record.FailedExecs)
        {
            Assert.DoesNotContain(tracer.Execs, e => e.Arguments.Count > 0 && e.Arguments.Strings[0] == path);
        }
    }

    // A source whose buffer a burst overflows while the receive thread is held, and the shape that follows does not.
    private static IKernelEventSource SmallSource(ExecTracingSource source, bool exits) => source == ExecTracingSource.Bpf
        ? new BpfEventSource(new BpfSourceOptions { RingBufferBytes = exits ? LossRingBytes : ExecsOnlyLossRingBytes })
        : new ProcConnectorEventSource(new ProcConnectorOptions { ReceiveBufferBytes = exits ? LossBufferBytes : ExecsOnlyLossBufferBytes });

    private static async Task LoseEventsAsync(HeldEventSource held, KernelTracer tracer, bool execs)
    {
        Assert.True(held.HoldNext(s_timeout, () => Run("/bin/true")), "no event reached the held receive thread");
        try
        {
            // 2,000 processes forked and ended: 4,000 events, more than the receive buffer holds; or, when only execs
            // reach the socket, 1,000 execs.
            Run(ShapesProgram.Path, execs ? ["burst", "1000", "exec"] : ["burst", "2000"]);
        }
        finally
        {
            held.Release();
        }

        // Gaps are counted once later events reveal them, CPU by CPU: one process on each reveals the whole loss. Once
        // the source has passed on the last one's exec, the tracer has heard of every gap before the shape starts.
        var last = 0;
        foreach (var cpu in AllowedCpus.Read())
        {
            last = Run("/usr/bin/taskset", "-c", cpu.ToString(System.Globalization.CultureInfo.InvariantCulture), "/bin/true");
        }

        await held.Passed.FirstAsync(e => e.Kind == KernelEventKind.Exec && e.Tgid == last, s_timeout);
        Assert.True(await tracer.WaitForAsync(e => e is EventsLostEvent, s_timeout), "the overflow was not counted");
    }

    private static int Run(string file, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments))!;
        process.WaitForExit();
        return process.Id;
    }
}
