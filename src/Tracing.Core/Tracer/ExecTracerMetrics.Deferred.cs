using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Tracing.Tracer;

/// <summary>
/// Measurements are recorded off the thread that takes them: the receive thread only queues them, and a thread-pool
/// thread hands them to the instruments, so no listener's code (a <c>MeterListener</c> callback, the OpenTelemetry SDK's
/// aggregation, and the JIT of either on its first measurement: several milliseconds) runs between the kernel's exec
/// and the read of the next exec's argv. Listeners get every measurement, in order, within microseconds when a pool
/// thread is free; a stop hands over what is left before it returns. Nothing is queued while no listener is enabled.
/// </summary>
public sealed partial class ExecTracerMetrics
{
    private readonly ConcurrentQueue<(Pending Kind, long Count, double Value)> _pending = new();
    private readonly Lock _flushing = new();
    private int _flushScheduled;

    private enum Pending : byte
    {
        Exec,
        Exit,
        ArgvIncomplete,
        Latency,
        KernelLost,
        SubscriberDropped,
        ScopeUndecided,
        MatchUndecided,
        NotMatched,
    }

    /// <summary>Hands every queued measurement to its instrument, on the calling thread.</summary>
    internal void Flush()
    {
        // One flush at a time: a stop's returns only once what a pool thread dequeued is recorded too.
        lock (_flushing)
        {
            while (_pending.TryDequeue(out var measurement))
            {
                try
                {
                    Record(measurement.Kind, measurement.Count, measurement.Value);
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    // A listener that throws loses that measurement; on a pool thread it would end the process, and
                    // in a stop it would fail the stop.
                }
            }
        }
    }

    /// <summary>Runs the queue's paths once (a count of nothing queued and taken back): its first real use is on the receive thread.</summary>
    internal void WarmUpQueue()
    {
        _pending.Enqueue((Pending.NotMatched, 0, 0));
        _ = _pending.TryDequeue(out _);
    }

    private void Defer(Pending kind, long count, double value = 0)
    {
        _pending.Enqueue((kind, count, value));
        if (Interlocked.CompareExchange(ref _flushScheduled, 1, 0) == 0)
        {
            ThreadPool.UnsafeQueueUserWorkItem(static metrics => metrics.FlushScheduled(), this, preferLocal: false);
        }
    }

    private void FlushScheduled()
    {
        Flush();
        Volatile.Write(ref _flushScheduled, 0);

        // One queued after the last dequeue and before the reset found a flush scheduled: take it now.
        if (!_pending.IsEmpty && Interlocked.CompareExchange(ref _flushScheduled, 1, 0) == 0)
        {
            ThreadPool.UnsafeQueueUserWorkItem(static metrics => metrics.FlushScheduled(), this, preferLocal: false);
        }
    }

    private void Record(Pending kind, long count, double value)
    {
        switch (kind)
        {
            case Pending.Exec:
                Add(_events, count, s_exec);
                break;
            case Pending.Exit:
                Add(_events, count, s_exit);
                break;
            case Pending.ArgvIncomplete:
                Add(_argvIncomplete, count);
                break;
            case Pending.Latency:
                if (_tracer is { } tracer)
                {
                    _latency.Record(value, tracer);
                }
                else
                {
                    _latency.Record(value);
                }

                break;
            case Pending.KernelLost:
                Add(_lost, count, s_kernel);
                break;
            case Pending.SubscriberDropped:
                Add(_lost, count, s_subscriber);
                break;
            case Pending.ScopeUndecided:
                Add(_lost, count, s_undecided);
                break;
            case Pending.MatchUndecided:
                Add(_lost, count, s_matchUndecided);
                break;
            case Pending.NotMatched:
                Add(_notMatched, count);
                break;
            default:
                break;
        }
    }

    // A keyed tracer's measurements carry its name besides their own attribute.
    private void Add(Counter<long> counter, long count)
    {
        if (_tracer is { } tracer)
        {
            counter.Add(count, tracer);
        }
        else
        {
            counter.Add(count);
        }
    }

    private void Add(Counter<long> counter, long count, KeyValuePair<string, object?> tag)
    {
        if (_tracer is { } tracer)
        {
            counter.Add(count, tag, tracer);
        }
        else
        {
            counter.Add(count, tag);
        }
    }
}
