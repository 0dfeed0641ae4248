using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace Tracing.Kernel.Tests.Otlp;

/// <summary>
/// Checks what the dashboard holds against a <see cref="ShapeRecord"/>: one <c>process.exec</c> record per program,
/// one <c>process.exit</c> per process, one span per program, all in one trace, each span's parent the program it
/// descends from, times the kernel's, outcomes the shell's; nothing else.
/// </summary>
internal static class ShapeTelemetry
{
    private const int Information = 9;

    public static void Verify(ShapeRecord record, IReadOnlyList<DashboardLogRecord> logs, IReadOnlyList<DashboardSpan> spans, string tsh, bool withArgs)
    {
        var execs = logs.Where(l => l.EventName == "process.exec").ToList();
        var exits = logs.Where(l => l.EventName == "process.exit").ToList();
        Assert.Equal(logs.Count, execs.Count + exits.Count);
        Assert.Equal(record.Programs.Count, execs.Count);
        Assert.Equal(record.Processes.Count, exits.Count);
        Assert.Equal(record.Programs.Count, spans.Count);
        Assert.All(logs, l => Assert.Equal(("Tracing.Processes", Information), (l.ScopeName, l.SeverityNumber)));
        Assert.All(spans, s => Assert.Equal(("Tracing", 1, "tsh"), (s.ScopeName, s.Kind, s.Name)));
        var traceId = Assert.Single(spans.Select(s => s.TraceId).Concat(logs.Select(l => l.TraceId)).Distinct());
        Assert.NotNull(traceId);

        // The k-th program of a pid is the k-th exec record of that pid; its span is the record's span.
        var execOf = record.Programs.ToDictionary(
            p => p,
            p => Assert.Single(execs.Where(e => e.Attributes["process.pid"] as string == Text(p.Pid)).OrderBy(e => e.TimeUnixNano)
                .Skip(record.Programs.Take(p.Index).Count(q => q.Pid == p.Pid)).Take(1)));
        var spanOf = record.Programs.ToDictionary(p => p, p => Assert.Single(spans, s => s.SpanId == execOf[p].SpanId));
        foreach (var program in record.Programs)
        {
            var (exec, span) = (execOf[program], spanOf[program]);
            VerifyExec(exec.Attributes, program, tsh, withArgs);
            VerifyExec(span.Attributes, program, tsh, withArgs);
            Assert.Equal(exec.TimeUnixNano, span.StartTimeUnixNano);
            Assert.Equal(record.ParentOf(program) is { } parent ? spanOf[parent].SpanId : null, span.ParentSpanId);
            if (record.NextInProcess(program) is { } next)
            {
                Assert.Equal(execOf[next].TimeUnixNano, span.EndTimeUnixNano);
                Assert.Equal("exec", span.Attributes["tracing.process.span_end"]);
                Assert.Equal(0, span.StatusCode);
                continue;
            }

            var exit = Assert.Single(exits, e => e.Attributes["process.pid"] as string == Text(program.Pid));
            Assert.Equal((exit.TraceId, exit.SpanId), (span.TraceId, span.SpanId));
            Assert.Equal(exit.TimeUnixNano, span.EndTimeUnixNano);
            Assert.Equal("exit", span.Attributes["tracing.process.span_end"]);
            Assert.Equal(Text(program.ParentPid), exit.Attributes["process.parent_pid"]);
            Assert.Equal("tsh", exit.Attributes["process.executable.name"]);
            var (code, signal) = record.EndOf(program.Pid);
            var error = signal is int s ? SignalName(s) : code is int c0 and not 0 ? Text(c0) : null;
            foreach (var attributes in new[] { exit.Attributes, span.Attributes })
            {
                Assert.Equal(code is int c ? Text(c) : null, attributes.GetValueOrDefault("process.exit.code"));
                Assert.Equal(signal is null ? null : error, attributes.GetValueOrDefault("tracing.process.exit.signal"));
                Assert.Equal(error, attributes.GetValueOrDefault("error.type"));
            }

            Assert.Equal(error is null ? 0 : 2, span.StatusCode);
        }
    }

    private static void VerifyExec(IReadOnlyDictionary<string, object?> attributes, RecordedProgram program, string tsh, bool withArgs)
    {
        Assert.Equal(Text(program.Pid), attributes["process.pid"]);
        Assert.Equal(Text(program.ParentPid), attributes["process.parent_pid"]);
        Assert.Equal(tsh, attributes["process.executable.path"]);
        Assert.Equal("tsh", attributes["process.executable.name"]);
        Assert.Equal(Text(program.Argv.Count), attributes["process.args_count"]);
        Assert.Equal(program.WorkingDirectory, attributes["process.working_directory"]);
        Assert.Equal(Text(UserIds.Effective), attributes["process.user.id"]);
        Assert.Equal(Text(UserIds.Real), attributes["process.real_user.id"]);
        Assert.False(attributes.ContainsKey("tracing.process.argv_source"), "argv was read whole");
        if (!withArgs)
        {
            Assert.False(attributes.ContainsKey("process.command_args"));
            Assert.False(attributes.ContainsKey("tracing.process.command_args_base64"));
            return;
        }

        Assert.Equal(program.Argv.Select(a => Encoding.UTF8.GetString(a)), JsonArray(attributes["process.command_args"]));
        var valid = program.Argv.All(a => Utf8.IsValid(a));
        Assert.Equal(
            valid ? null : program.Argv.Select(Convert.ToBase64String),
            valid ? null : JsonArray(attributes.GetValueOrDefault("tracing.process.command_args_base64")));
        if (valid)
        {
            Assert.False(attributes.ContainsKey("tracing.process.command_args_base64"));
        }
    }

    /// <summary>An array attribute as the dashboard flattens it: a JSON array of its values, as text.</summary>
    private static string[] JsonArray(object? value) =>
        JsonSerializer.Deserialize<string[]>(Assert.IsType<string>(value))!;

    // The shapes end by exit, or by SIGTERM (killed).
    private static string SignalName(int signal) => signal == 15 ? "SIGTERM" : throw new ArgumentOutOfRangeException(nameof(signal), signal, null);

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Text(uint value) => value.ToString(CultureInfo.InvariantCulture);
}
