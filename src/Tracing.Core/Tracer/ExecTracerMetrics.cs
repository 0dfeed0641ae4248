using System.Diagnostics.Metrics;
using Tracing.Events;

namespace Tracing.Tracer;

/// <summary>
/// The tracer's instruments, on the meter <c>Tracing</c>: events by kind, events lost (by the kernel, a full
/// subscriber queue, or an exec whose scope or conditions could not be decided), execs whose argv was not recovered whole, execs in scope the conditions did not match, and
/// delivery latency from the kernel's timestamp.
/// </summary>
public sealed partial class ExecTracerMetrics : IDisposable
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "Tracing";

    /// <summary>The attribute that names a keyed tracer on each of its measurements (absent for the unkeyed tracer).</summary>
    public const string TracerNameAttribute = "tracing.tracer.name";

    private static readonly KeyValuePair<string, object?> s_exec = new("tracing.event.kind", "exec");
    private static readonly KeyValuePair<string, object?> s_exit = new("tracing.event.kind", "exit");
    private static readonly KeyValuePair<string, object?> s_kernel = new("tracing.loss.reason", LossReasonNames.Get(LossReason.KernelBufferOverflow));
    private static readonly KeyValuePair<string, object?> s_subscriber = new("tracing.loss.reason", LossReasonNames.Get(LossReason.SubscriberQueueFull));
    private static readonly KeyValuePair<string, object?> s_undecided = new("tracing.loss.reason", LossReasonNames.Get(LossReason.ScopeUndecided));
    private static readonly KeyValuePair<string, object?> s_matchUndecided = new("tracing.loss.reason", LossReasonNames.Get(LossReason.MatchUndecided));
    private static readonly KeyValuePair<string, object?> s_exportQueueFull = new("tracing.loss.reason", LossReasonNames.Get(LossReason.ExportQueueFull));
    private static readonly KeyValuePair<string, object?> s_exportFailed = new("tracing.loss.reason", LossReasonNames.Get(LossReason.ExportFailed));

    private readonly KeyValuePair<string, object?>? _tracer;
    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly Counter<long> _events;
    private readonly Counter<long> _lost;
    private readonly Counter<long> _argvIncomplete;
    private readonly Counter<long> _notMatched;
    private readonly Histogram<double> _latency;

    /// <summary>
    /// Creates the instruments from <paramref name="meterFactory"/>, or on a meter of their own without one. With a
    /// <paramref name="tracerName"/> (one of several tracers: a keyed tracer's service key) every measurement carries
    /// <see cref="TracerNameAttribute"/> = that name, so that each tracer's time series are its own; instances on one
    /// factory share its instruments.
    /// </summary>
    /// <param name="meterFactory">Creates the meter; null for a meter of their own, disposed with them.</param>
    /// <param name="tracerName">The tracer's name, set on every measurement; null for a single tracer.</param>
    public ExecTracerMetrics(IMeterFactory? meterFactory = null, string? tracerName = null)
    {
        _tracer = tracerName is null ? null : new KeyValuePair<string, object?>(TracerNameAttribute, tracerName);
        _ownsMeter = meterFactory is null;
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _events = _meter.CreateCounter<long>("tracing.events", "{event}", "Events delivered, by kind.");
        _lost = _meter.CreateCounter<long>("tracing.events.lost", "{event}", "Events lost, by reason: the kernel's buffer overflowed, a subscriber's queue was full, an exec's scope or conditions could not be decided, or an exporter could not send events on.");
        _argvIncomplete = _meter.CreateCounter<long>("tracing.exec.argv_incomplete", "{exec}", "Execs whose argv could not be read whole.");
        _notMatched = _meter.CreateCounter<long>("tracing.exec.not_matched", "{exec}", "Execs in scope not reported because they did not meet the conditions (command name, user).");
        _latency = _meter.CreateHistogram<double>(
            "tracing.delivery.latency", "s", "From the kernel's timestamp to delivery to subscribers.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.05, 0.1, 1] });
    }

    /// <summary>Records one delivered event.</summary>
    internal void Delivered(TraceEvent item, long latencyNs)
    {
        switch (item)
        {
            case ExecEvent exec:
                if (_events.Enabled)
                {
                    Defer(Pending.Exec, 1);
                }

                if (exec.ArgvSource != ArgvSource.Complete && _argvIncomplete.Enabled)
                {
                    Defer(Pending.ArgvIncomplete, 1);
                }

                break;
            case ExitEvent:
                if (_events.Enabled)
                {
                    Defer(Pending.Exit, 1);
                }

                break;
            default:
                return;
        }

        if (_latency.Enabled && latencyNs >= 0)
        {
            Defer(Pending.Latency, 0, latencyNs / 1e9);
        }
    }

    /// <summary>Records events the kernel dropped.</summary>
    internal void KernelLost(long count)
    {
        if (_lost.Enabled)
        {
            Defer(Pending.KernelLost, count);
        }
    }

    /// <summary>Records an event a full subscriber queue dropped.</summary>
    internal void SubscriberDropped()
    {
        if (_lost.Enabled)
        {
            Defer(Pending.SubscriberDropped, 1);
        }
    }

    /// <summary>Records an exec whose scope could not be decided (the process was gone).</summary>
    internal void ScopeUndecided()
    {
        if (_lost.Enabled)
        {
            Defer(Pending.ScopeUndecided, 1);
        }
    }

    /// <summary>Records an exec in scope that did not meet the conditions (not delivered, not an event).</summary>
    internal void NotMatched()
    {
        if (_notMatched.Enabled)
        {
            Defer(Pending.NotMatched, 1);
        }
    }

    /// <summary>Records an exec whose conditions could not be decided (the process was gone).</summary>
    internal void MatchUndecided()
    {
        if (_lost.Enabled)
        {
            Defer(Pending.MatchUndecided, 1);
        }
    }

    /// <summary>
    /// Counts events lost after delivery, downstream of the tracer, in <c>tracing.events.lost</c>: what an exporter
    /// could not send on (<see cref="LossReason.ExportQueueFull"/>, <see cref="LossReason.ExportFailed"/>). Recorded on
    /// the calling thread, which must not be the tracer's receive thread (a subscriber's or an exporter's is not).
    /// </summary>
    /// <param name="reason">An export reason; the tracer counts the others itself.</param>
    /// <param name="count">How many events; zero or less records nothing.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="reason"/> is not an export reason.</exception>
    public void ExportLost(LossReason reason, long count)
    {
        var tag = reason switch
        {
            LossReason.ExportQueueFull => s_exportQueueFull,
            LossReason.ExportFailed => s_exportFailed,
            _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, "Only export losses are counted from outside the tracer."),
        };
        if (count > 0 && _lost.Enabled)
        {
            Add(_lost, count, tag);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Flush();
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }
}
