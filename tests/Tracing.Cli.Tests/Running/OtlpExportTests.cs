using Tracing.Cli.Output;
using Tracing.Cli.Running;
using Tracing.Events;

namespace Tracing.Cli.Tests.Running;

/// <summary>What exectrace prints of the tracer's events with --otlp: exits only with -t, nothing but losses with -q.</summary>
public sealed class OtlpExportTests
{
    private static readonly TraceEvent[] s_events =
    [
        new ExecEvent { Pid = 10, ParentPid = 1, Arguments = ProcessArguments.FromStrings(["/bin/true"]) },
        new ExitEvent { Pid = 10, ExitCode = 0 },
        new EventsLostEvent { Count = 3, IsExact = true, Reason = LossReason.KernelBufferOverflow },
    ];

    [Theory]
    [InlineData(false, false, false, "exec exit lost")]
    [InlineData(true, false, false, "exec lost")]
    [InlineData(true, true, false, "exec exit lost")]
    [InlineData(true, false, true, "lost")]
    [InlineData(true, true, true, "lost")]
    public void Printed_is_what_was_asked(bool otlp, bool exits, bool quiet, string expected)
    {
        using var output = new MemoryStream();
        using var writer = new EventWriter(new JsonEventFormatter(false), output, TextWriter.Null, () => { });
        var printed = OtlpExport.Printed(new TraceSettings { Otlp = otlp, Exits = exits, Quiet = quiet }, writer);

        foreach (var item in s_events)
        {
            printed(item);
        }

        writer.Complete();
        var lines = System.Text.Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(expected.Split(' '), lines.Select(l => l.Split("\"event\":\"")[1].Split('"')[0]));
    }
}
