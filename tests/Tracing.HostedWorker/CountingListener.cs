using System.Diagnostics.Metrics;
using Tracing.Tracer;

namespace Tracing.HostedWorker;

/// <summary>A real <see cref="MeterListener"/> on every instrument of the meter Tracing, as a user's own would be; counts tracing.events.</summary>
internal sealed class CountingListener : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _events;

    public long Events => Interlocked.Read(ref _events);

    public static CountingListener Start()
    {
        var counting = new CountingListener();
        counting._listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == ExecTracerMetrics.MeterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        counting._listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            if (instrument.Name == "tracing.events")
            {
                Interlocked.Add(ref counting._events, value);
            }
        });
        counting._listener.SetMeasurementEventCallback<double>((_, _, _, _) => { });
        counting._listener.Start();
        return counting;
    }

    public void Dispose() => _listener.Dispose();
}
