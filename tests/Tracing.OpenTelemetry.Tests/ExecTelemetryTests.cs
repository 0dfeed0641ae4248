using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Trace;
using Tracing.Events;
using Tracing.OpenTelemetry.Export;
using Tracing.OpenTelemetry.Records;
using Tracing.OpenTelemetry.Spans;
using Tracing.OpenTelemetry.Tests.Fakes;
using Tracing.Tracer;

namespace Tracing.OpenTelemetry.Tests;

/// <summary>
/// The bridge over a real tracer, driven by the fake kernel and /proc the Core tests use, into in-memory log and span
/// exporters. Each test has an activity source of its own name, so no other test's spans reach its exporter.
/// </summary>
public sealed partial class ExecTelemetryTests : IAsyncDisposable
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(10);

    private readonly TracedBuild _build = new();
    private readonly string _sourceName = "Tracing.Tests." + Guid.NewGuid().ToString("N");
    private readonly List<LogRecord> _records = [];
    private readonly List<Activity> _spans = [];
    private readonly ILoggerFactory _loggers;
    private readonly TracerProvider _tracerProvider;
    private readonly ActivitySource _source;
    private readonly RecordSignal _logged = new();

    public ExecTelemetryTests()
    {
        _loggers = LoggerFactory.Create(logging => logging.AddOpenTelemetry(o =>
        {
            o.AddProcessor(new ProcessRecordTimestamps());
            o.AddInMemoryExporter(_records);
            o.AddProcessor(_logged);
        }));
        _tracerProvider = Sdk.CreateTracerProviderBuilder().AddSource(_sourceName).AddInMemoryExporter(_spans).Build();
        _source = new ActivitySource(_sourceName);
    }

    public async ValueTask DisposeAsync()
    {
        await _build.DisposeAsync();
        _loggers.Dispose();
        _tracerProvider.Dispose();
        _source.Dispose();
    }

    private ExecTracer CreateTracer() => _build.CreateTracer();

    private ExecTelemetry CreateTelemetry(ExecTracer tracer, TimeProvider time, ExecTelemetryOptions? options = null) =>
        new(tracer, options ?? new ExecTelemetryOptions(), _loggers.CreateLogger(ExecTelemetry.RecordCategory), _source, time: time);

    private static async Task<List<TraceEvent>> DrainAsync(ChannelReader<TraceEvent> reader)
    {
        var events = new List<TraceEvent>();
        await foreach (var item in reader.ReadAllAsync().WithCancellation(new CancellationTokenSource(s_timeout).Token))
        {
            if (item is ExecEvent or ExitEvent)
            {
                events.Add(item);
            }
        }

        return events;
    }

    [Fact]
    public async Task Every_exec_and_exit_is_a_record_at_the_events_time_in_its_processs_span_and_spans_make_the_tree()
    {
        var stoppedAt = DateTimeOffset.UtcNow.AddHours(1);
        await using var tracer = CreateTracer();
        using var telemetry = CreateTelemetry(tracer, new FixedTime(stoppedAt));
        var seen = tracer.CreateReader();
        telemetry.Start();

        await tracer.StartAsync();
        _build.Run();
        Assert.False(telemetry.Completion.IsCompleted);
        await tracer.StopAsync();
        await telemetry.Completion.WaitAsync(s_timeout);
        var events = await DrainAsync(seen);

        // make, cc, cc's exit, make's re-exec (the subshell never exec'd: its exit is not reported).
        Assert.Equal([200, 202, 202, 200], events.Select(e => e.Pid));
        Assert.Equal(events.Count, _records.Count);
        foreach (var (item, record) in events.Zip(_records))
        {
            var exec = item as ExecEvent;
            Assert.Equal(exec is null ? "process.exit" : "process.exec", record.EventId.Name);
            Assert.Equal(exec is null ? 2 : 1, record.EventId.Id);
            Assert.Equal(ExecTelemetry.RecordCategory, record.CategoryName);
            Assert.Equal(LogLevel.Information, record.LogLevel);
            Assert.Equal(item.Time.UtcDateTime, record.Timestamp);
            var tags = Tags.ToDictionary(record.Attributes!);
            Assert.Equal(item.Pid, tags[ProcessAttributes.Pid]);
            Assert.Equal(exec is not null ? exec.ExecutablePath : $"{((ExitEvent)item).CommandName} exited with 1", record.Body);

            // The record is in its process's span: the one the exec started, the one the exit ended.
            var span = _spans.SingleOrDefault(s => s.SpanId == record.SpanId);
            Assert.NotNull(span);
            Assert.Equal(span.TraceId, record.TraceId);
            Assert.Equal(item.Pid, span.GetTagItem(ProcessAttributes.Pid));
            Assert.Equal(item.Time.UtcDateTime, exec is null ? span.StartTimeUtc + span.Duration : span.StartTimeUtc);
        }

        Assert.Equal(3, _spans.Count);
        var execs = events.OfType<ExecEvent>().ToList();
        var make = _spans.Single(s => s.StartTimeUtc == execs[0].Time.UtcDateTime);
        var cc = _spans.Single(s => s.StartTimeUtc == execs[1].Time.UtcDateTime);
        var reExec = _spans.Single(s => s.StartTimeUtc == execs[2].Time.UtcDateTime);
        Assert.Equal(200, execs[2].TracedParentPid);
        Assert.Equal(make.SpanId, cc.ParentSpanId);
        Assert.Equal(make.SpanId, reExec.ParentSpanId);
        Assert.All(_spans, s => Assert.Equal(make.TraceId, s.TraceId));
        Assert.Equal(SpanEnd.Exec, make.GetTagItem(ProcessAttributes.SpanEnd));
        Assert.Equal(SpanEnd.Exit, cc.GetTagItem(ProcessAttributes.SpanEnd));
        Assert.Equal(ActivityStatusCode.Error, cc.Status);
        Assert.Equal(SpanEnd.TracingStopped, reExec.GetTagItem(ProcessAttributes.SpanEnd));
        Assert.Equal(stoppedAt.UtcDateTime, reExec.StartTimeUtc + reExec.Duration);
    }

    [Fact]
    public async Task A_span_dropped_with_the_queue_full_is_counted_and_the_program_it_execd_is_still_sampled()
    {
        await using var tracer = CreateTracer();
        var spanGate = new ExportGate(1, (_, _) => { });
        using var telemetry = new ExecTelemetry(tracer, new ExecTelemetryOptions(), null, _source, spanGate: spanGate);
        telemetry.Start();

        await tracer.StartAsync();
        _build.Run();
        await tracer.StopAsync();
        await telemetry.Completion.WaitAsync(s_timeout);

        // A queue of one that never empties: cc's span (ended first) is taken; make's, ended at its re-exec, and the
        // re-exec'd make's, ended at the stop, are refused and counted.
        Assert.Single(_spans);
        Assert.Equal(1, spanGate.InFlight);
        Assert.Equal(TracedBuild.Spans - 1, spanGate.QueueFull);
    }

    [Fact]
    public async Task Argv_is_in_the_exec_records_body_and_attributes_only_when_asked()
    {
        await using var tracer = CreateTracer();
        using var telemetry = CreateTelemetry(tracer, TimeProvider.System, new ExecTelemetryOptions { IncludeCommandArgs = true, TracerName = "ci" });
        telemetry.Start();

        await tracer.StartAsync();
        _build.Kernel.Fork(1, 200, 1_000_000_000);
        _build.Kernel.Exec(200, 1_000_100_000);
        await tracer.StopAsync();
        await telemetry.Completion.WaitAsync(s_timeout);

        var record = Assert.Single(_records);
        var argv = _build.Processes.Get(200).Argv!;
        Assert.Equal(string.Join(' ', argv), record.Body);
        var tags = Tags.ToDictionary(record.Attributes!);
        Assert.Equal(argv, Assert.IsType<string[]>(tags[ProcessAttributes.CommandArgs]));
        Assert.Equal("ci", tags[ProcessAttributes.TracerName]);
        Assert.Equal(argv, Assert.Single(_spans).GetTagItem(ProcessAttributes.CommandArgs) as string[]);
    }

    [Fact]
    public async Task Abandoning_a_run_that_goes_on_ends_its_open_spans_and_makes_nothing_more()
    {
        var abandonedAt = DateTimeOffset.UtcNow.AddHours(1);
        await using var tracer = CreateTracer();
        using var telemetry = CreateTelemetry(tracer, new FixedTime(abandonedAt));
        telemetry.Start();
        await tracer.StartAsync();
        _build.Kernel.Fork(1, 200, 1_000_000_000);
        _build.Kernel.Exec(200, 1_000_100_000);

        Assert.True(await _logged.WaitAsync(s_timeout));

        telemetry.Abandon();
        await telemetry.Completion.WaitAsync(s_timeout);
        _build.Kernel.Fork(200, 202, 2_000_000_000);
        _build.Kernel.Exec(202, 2_000_100_000);
        await tracer.StopAsync();

        var span = Assert.Single(_spans);
        Assert.Equal(SpanEnd.TracingStopped, span.GetTagItem(ProcessAttributes.SpanEnd));
        Assert.Equal(abandonedAt.UtcDateTime, span.StartTimeUtc + span.Duration);
        Assert.Single(_records);
    }
}
