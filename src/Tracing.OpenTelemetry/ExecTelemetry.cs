using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Tracing.Events;
using Tracing.OpenTelemetry.Export;
using Tracing.OpenTelemetry.Records;
using Tracing.OpenTelemetry.Spans;
using Tracing.Tracer;

namespace Tracing.OpenTelemetry;

/// <summary>
/// Follows one run of a tracer and turns its events into telemetry: an exec or exit log record each (through an
/// <see cref="ILogger"/> whose OpenTelemetry provider exports them), and a span per program (<see cref="ProcessSpans"/>).
/// It reads its own queue of the tracer's events on a pool thread, so nothing it does (nor the SDK, nor an exporter)
/// runs on the tracer's receive thread; a full queue there is counted by the tracer as a subscriber's loss.
/// </summary>
internal sealed partial class ExecTelemetry : IDisposable
{
    /// <summary>The <see cref="ActivitySource"/> name of process spans.</summary>
    public const string SourceName = "Tracing";

    /// <summary>The logger category of exec and exit records.</summary>
    public const string RecordCategory = "Tracing.Processes";

    /// <summary>How long events gather before they are taken: far below the export's batch delay (1 s).</summary>
    private static readonly TimeSpan s_gathering = TimeSpan.FromMilliseconds(50);

    private static readonly EventId s_exec = new(1, "process.exec");
    private static readonly EventId s_exit = new(2, "process.exit");
    private static readonly EventId s_lost = new(3, "tracing.events.lost");
    private static readonly EventId s_failed = new(4, "process.exec_failed");

    private readonly ExecTracer _tracer;
    private readonly ExecTelemetryOptions _options;
    private readonly ILogger? _records;
    private readonly ProcessSpans? _spans;
    private readonly ExportGate? _recordGate;
    private readonly ExportGate? _spanGate;
    private readonly TimeProvider _time;
    private readonly Action<Activity> _end;

    // Each running program's executable name as its exec gave it: its exit record says the same (the kernel's command
    // name is cut to 15 bytes, and is the link's name for a program started through one).
    private readonly Dictionary<int, string> _names = [];
    private readonly CancellationTokenSource _abandon = new();
    private Task _completion = Task.CompletedTask;
    private int _disposed;

    /// <param name="tracer">The tracer to follow; <see cref="Start"/> before it starts, to follow the run from its start.</param>
    /// <param name="options">What records and spans carry.</param>
    /// <param name="records">Where exec and exit records go; null for none.</param>
    /// <param name="source">Where spans start; null for none.</param>
    /// <param name="recordGate">Admits records to a counted export queue; null when the pipeline is not ours.</param>
    /// <param name="spanGate">Admits spans to a counted export queue; null when the pipeline is not ours.</param>
    /// <param name="time">The clock for spans still open at the end.</param>
    public ExecTelemetry(
        ExecTracer tracer, ExecTelemetryOptions options, ILogger? records, ActivitySource? source,
        ExportGate? recordGate = null, ExportGate? spanGate = null, TimeProvider? time = null)
    {
        _tracer = tracer;
        _options = options;
        _records = records;
        _spans = source is null ? null : new ProcessSpans(source, options.IncludeCommandArgs, options.TracerName);
        _recordGate = recordGate;
        _spanGate = spanGate;
        _time = time ?? TimeProvider.System;
        _end = End;
    }

    /// <summary>Completes once the run's last event is turned into telemetry and the spans still open are ended.</summary>
    public Task Completion => _completion;

    /// <summary>Takes a queue of the tracer's events (of its next run, or the current one) and follows it.</summary>
    public void Start()
    {
        var reader = _tracer.CreateReader();
        _completion = Task.Run(() => FollowAsync(reader), CancellationToken.None);
    }

    /// <summary>True once the tracer has run and stopped: its queue ends by itself, and <see cref="Completion"/> follows.</summary>
    public bool TracerRunEnded => _tracer.HasStarted && _tracer.State is TracerState.Stopped or TracerState.Disposed;

    /// <summary>Stops following a run that goes on (the tracer was not stopped): what it reports from now on is not turned into telemetry.</summary>
    public void Abandon()
    {
        if (Volatile.Read(ref _disposed) == 0)
        {
            _abandon.Cancel();
        }
    }

    /// <summary>Lets go of the abandon signal; call once <see cref="Completion"/> is done.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _abandon.Dispose();
        }
    }

    private async Task FollowAsync(ChannelReader<TraceEvent> reader)
    {
        try
        {
            // Events are taken in gatherings, not one wake-up each: a thread-pool thread woken for every exec and exit
            // cost more than all the telemetry made of them (measured: 2.5x the CPU of --json alone; docs/fleet.md).
            // Records and spans leave in batches a second apart anyway; the tracer's queue holds what comes meanwhile.
            while (await reader.WaitToReadAsync(_abandon.Token).ConfigureAwait(false))
            {
                while (reader.TryRead(out var item))
                {
                    Handle(item);
                }

                await Task.Delay(s_gathering, _abandon.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (_abandon.IsCancellationRequested)
        {
            // Abandoned: the spans still open end now.
        }
        catch (ChannelClosedException)
        {
            // The run failed; its failure is the tracer's to tell.
        }

        _spans?.EndAll(_time.GetUtcNow(), _end);
        _names.Clear();
    }

    /// <summary>Logs a record with its span as the current activity, so the record carries the span's trace and span ids.</summary>
    private void Log(EventId id, ProcessRecord record, Activity? span, LogLevel level = LogLevel.Information)
    {
        var current = Activity.Current;
        Activity.Current = span;
        try
        {
            _records!.Log(level, id, record, null, ProcessRecord.Format);
        }
        finally
        {
            Activity.Current = current;
        }
    }

    /// <summary>Stops an ended span: it is exported unless sampled out, or the export queue is full (counted).</summary>
    private void End(Activity span)
    {
        var refused = span.Recorded && _spanGate is not null && !_spanGate.TryAdmit();
        if (refused)
        {
            span.ActivityTraceFlags &= ~ActivityTraceFlags.Recorded;
        }

        var current = Activity.Current;
        span.Stop();
        Activity.Current = current;
        if (refused)
        {
            // Dropped from the queue, not from the trace: a program it exec'd, whose span starts now under it, is sampled
            // as its trace is (a parent-based sampler would drop that one, and all below it, uncounted).
            span.ActivityTraceFlags |= ActivityTraceFlags.Recorded;
        }
    }
}
