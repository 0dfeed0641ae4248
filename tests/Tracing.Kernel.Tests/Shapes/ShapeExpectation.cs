using System.Globalization;
using Tracing.Events;

namespace Tracing.Kernel.Tests.Shapes;

/// <summary>
/// The events a tracer must report for a shape, per pid and in order, derived from the shape's record alone: each exec
/// once with its pid, parent and argv, and after a process's last exec exactly one exit with its code. Rendered as
/// lines, so that a failure shows both sides whole.
/// </summary>
internal static class ShapeExpectation
{
    public const string StormMarker = "shape-storm";

    /// <summary>What the record says the tracer must report, per pid.</summary>
    /// <param name="record">The shape's record.</param>
    /// <param name="launch">The driver's own exec, when the scope sees it (pid, parent, argv); null when it existed before.</param>
    /// <param name="outsidersInScope">True when processes outside the driver's tree are in scope (the whole machine).</param>
    /// <param name="siblingsInScope">
    /// True when the driver's <c>clone(CLONE_PARENT)</c> helpers are in scope: their parent is the driver's.
    /// </param>
    /// <param name="exits">True when the tracer reports exits.</param>
    public static SortedDictionary<int, List<string>> Expected(
        ShapeRecord record, (int Pid, int Parent, string[] Argv)? launch, bool outsidersInScope, bool siblingsInScope, bool exits)
    {
        var expected = new SortedDictionary<int, List<string>>();
        var execd = new HashSet<int>();
        var driver = record.DriverPid ?? throw new InvalidOperationException("The shape never said it was ready.");
        if (launch is { } l)
        {
            Add(expected, l.Pid, Exec(l.Parent, l.Argv));
            execd.Add(l.Pid);
        }

        foreach (var line in record.Lines)
        {
            var pid = line.Length > 1 && int.TryParse(line[1], CultureInfo.InvariantCulture, out var p) ? p : 0;
            switch (line[0])
            {
                case "exec":
                case "outside" when outsidersInScope:
                case "sibling" when siblingsInScope:
                    Add(expected, pid, Exec(int.Parse(line[2], CultureInfo.InvariantCulture), line[3..]));
                    execd.Add(pid);
                    break;
                case "exit" when execd.Remove(pid):
                case "outside-exit" when outsidersInScope && execd.Remove(pid):
                    Add(expected, pid, Exit(int.Parse(line[2], CultureInfo.InvariantCulture)));
                    break;
                case "killed" when execd.Remove(pid):
                    Add(expected, pid, Killed(int.Parse(line[2], CultureInfo.InvariantCulture)));
                    break;
            }
        }

        // The driver ends as the sentinel (shapes sentinel), with 0.
        if (execd.Remove(driver))
        {
            Add(expected, driver, Exit(0));
        }

        if (execd.Count > 0)
        {
            throw new InvalidOperationException($"The record has no exit for {string.Join(", ", execd)}: the shape is broken.");
        }

        if (!exits)
        {
            foreach (var lines in expected.Values)
            {
                lines.RemoveAll(l => l.StartsWith("exit ", StringComparison.Ordinal));
            }
        }

        return expected;
    }

    /// <summary>What the tracer reported about the pids in scope, per pid, in delivery order; the storm's own execs and exits left out.</summary>
    public static SortedDictionary<int, List<string>> Actual(IEnumerable<TraceEvent> events, Func<int, bool> inScope)
    {
        var actual = new SortedDictionary<int, List<string>>();
        var storm = new HashSet<int>();
        foreach (var item in events)
        {
            switch (item)
            {
                case ExecEvent exec when exec.Arguments.Strings.Contains(StormMarker):
                    storm.Add(exec.Pid);
                    break;
                case ExecEvent exec when inScope(exec.Pid):
                    storm.Remove(exec.Pid);
                    Add(actual, exec.Pid, Exec(exec.ParentPid, exec.Arguments.Strings) + (exec.ArgvSource == ArgvSource.Complete ? "" : $" [{exec.ArgvSource}]"));
                    break;
                case ExitEvent exit when inScope(exit.Pid) && !storm.Remove(exit.Pid):
                    Add(actual, exit.Pid, exit.ExitCode is int code ? Exit(code) : Killed(exit.Signal ?? -1));
                    break;
            }
        }

        return actual;
    }

    /// <summary>True when every pid has at least the lines expected of it: what is still to come has come.</summary>
    public static bool Covers(SortedDictionary<int, List<string>> actual, SortedDictionary<int, List<string>> expected) =>
        expected.All(e => actual.TryGetValue(e.Key, out var lines) && lines.Count >= e.Value.Count);

    public static string Render(SortedDictionary<int, List<string>> perPid) =>
        string.Join('\n', perPid.SelectMany(p => p.Value.Select(line => $"{p.Key}: {line}")));

    private static string Exec(int parent, IEnumerable<string> argv) => $"exec ppid={parent} argv=[{string.Join('|', argv)}]";

    private static string Exit(int code) => $"exit code={code}";

    private static string Killed(int signal) => $"exit signal={signal}";

    private static void Add(SortedDictionary<int, List<string>> perPid, int pid, string line)
    {
        if (!perPid.TryGetValue(pid, out var list))
        {
            perPid[pid] = list = [];
        }

        list.Add(line);
    }
}
