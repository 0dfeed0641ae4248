using System.Diagnostics;
using System.Globalization;
using Tracing.Events;
using Tracing.Filtering;
using Tracing.Ports;
using Tracing.Tracer;

namespace Tracing.Kernel.Tests.Tracer;

/// <summary>
/// Depth on a real shell tree: three shells, each forking the next (<c>; true</c> keeps each from exec'ing in place),
/// the innermost held on a FIFO until its exec is reported. The expected depth of each exec comes from the parents
/// the events recorded, and above them from /proc, never from a literal.
/// </summary>
public class DepthKernelTests
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_commands_execs_are_as_deep_as_their_recorded_parents_say()
    {
        using var fifos = new Fifos();
        var fifo = fifos.Make("go");
        var marker = KernelTracer.NewMarker();
        await using var tracer = new KernelTracer(
            ExecTraceFilter.RunCommand(new CommandSpec("/bin/sh", ["-c", Nested(fifo, marker)])), includeExits: false, details: ExecDetails.Depth);
        await tracer.Tracer.StartAsync();
        Assert.True(await tracer.WaitForAsync(e => e is ExecEvent x && Innermost(x, marker), s_wait), "the innermost shell's exec was not reported");
        await fifos.ReleaseAsync(fifo, s_wait);
        await tracer.Tracer.WaitForCommandAsync();
        await tracer.Tracer.StopAsync();

        // The command is the top: its parent is the tracer.
        var execs = tracer.Execs.ToList();
        var expected = ExpectedDepths(execs, top: Environment.ProcessId, topDepth: -1);
        Assert.True(execs.Count >= 3, $"{execs.Count} execs");
        Assert.Contains(execs, x => Innermost(x, marker) && x.Depth >= 2);
        Assert.All(execs, x => Assert.Equal(expected[x.Pid], x.Depth));
    }

    [Fact]
    public async Task Everything_counts_from_pid_1_through_the_processes_that_existed_before_tracing()
    {
        using var fifos = new Fifos();
        var fifo = fifos.Make("go");
        var marker = KernelTracer.NewMarker();
        await using var tracer = new KernelTracer(ExecTraceFilter.Everything, includeExits: false, details: ExecDetails.Depth);
        await tracer.Tracer.StartAsync();
        using var shell = Process.Start(new ProcessStartInfo("/bin/sh", ["-c", Nested(fifo, marker)]))!;
        Assert.True(await tracer.WaitForAsync(e => e is ExecEvent x && Innermost(x, marker), s_wait), "the innermost shell's exec was not reported");
        await fifos.ReleaseAsync(fifo, s_wait);
        await shell.WaitForExitAsync();
        await tracer.Tracer.StopAsync();

        // This process's own depth below pid 1 is /proc's; the shells' are the recorded parents' below it.
        var execs = tracer.Execs.Where(x => x.Arguments.Strings.Any(a => a.Contains(marker, StringComparison.Ordinal))).ToList();
        var expected = ExpectedDepths(execs, top: Environment.ProcessId, topDepth: DepthFromProc(Environment.ProcessId));
        Assert.True(execs.Count >= 3, $"{execs.Count} execs");
        Assert.All(execs, x => Assert.Equal(expected[x.Pid], x.Depth));
    }

    private static string Nested(string fifo, string marker) =>
        $"sh -c 'sh -c \"read go < {fifo}; : {marker}\"; : {marker}'; : {marker}";

    private static bool Innermost(ExecEvent exec, string marker) =>
        exec.Arguments.Strings.Any(a => a.StartsWith("read go", StringComparison.Ordinal) && a.Contains(marker, StringComparison.Ordinal));

    // Each exec's depth is its recorded parent's plus one; the parent top has topDepth.
    private static Dictionary<int, int> ExpectedDepths(IReadOnlyList<ExecEvent> execs, int top, int topDepth)
    {
        var parents = execs.ToDictionary(x => x.Pid, x => x.ParentPid);
        var depths = new Dictionary<int, int>();
        foreach (var pid in parents.Keys)
        {
            var depth = 0;
            for (var current = pid; current != top; current = parents[current])
            {
                Assert.True(parents.ContainsKey(current), $"{current} has no recorded parent on the way to {top}");
                depth++;
            }

            depths[pid] = topDepth + depth;
        }

        return depths;
    }

    private static int DepthFromProc(int pid)
    {
        var depth = 0;
        for (var current = pid; current != 1; depth++)
        {
            var stat = File.ReadAllText($"/proc/{current}/stat");
            current = int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], CultureInfo.InvariantCulture);
        }

        return depth;
    }
}
