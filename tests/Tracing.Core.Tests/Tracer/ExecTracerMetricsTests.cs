using System.Diagnostics.Metrics;
using Tracing.Events;
using Tracing.Tracer;

namespace Tracing.Core.Tests.Tracer;

/// <summary>
/// <see cref="ExecTracerMetrics.ExportLost"/>: what an exporter could not send on, in <c>tracing.events.lost</c> with its
/// reason, heard by a listener on a meter of this test's own.
/// </summary>
public sealed class ExecTracerMetricsTests : IDisposable
{
    private readonly OwnMeterFactory _meters = new();
    private readonly MeterListener _listener = new();
    private readonly List<(long Value, Dictionary<string, object?> Tags)> _lost = [];

    public ExecTracerMetricsTests()
    {
        _listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter == _meters.Created && instrument.Name == "tracing.events.lost")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            var copy = new Dictionary<string, object?>();
            foreach (var tag in tags)
            {
                copy[tag.Key] = tag.Value;
            }

            lock (_lost)
            {
                _lost.Add((value, copy));
            }
        });
    }

    public void Dispose()
    {
        _listener.Dispose();
        _meters.Dispose();
    }

    [Theory]
    [InlineData(LossReason.ExportQueueFull, "export_queue_full")]
    [InlineData(LossReason.ExportFailed, "export_failed")]
    public void An_export_loss_is_counted_with_its_reason(LossReason reason, string expected)
    {
        using var metrics = Listening(tracerName: null);

        metrics.ExportLost(reason, 7);
        metrics.ExportLost(reason, 5);

        Assert.Equal([7L, 5L], _lost.Select(m => m.Value));
        Assert.All(_lost, m => Assert.Equal(new Dictionary<string, object?> { ["tracing.loss.reason"] = expected }, m.Tags));
    }

    [Fact]
    public void A_keyed_tracers_export_loss_carries_its_name()
    {
        using var metrics = Listening(tracerName: "billing");

        metrics.ExportLost(LossReason.ExportFailed, 3);

        var (value, tags) = Assert.Single(_lost);
        Assert.Equal(3, value);
        Assert.Equal(
            new Dictionary<string, object?> { ["tracing.loss.reason"] = "export_failed", [ExecTracerMetrics.TracerNameAttribute] = "billing" },
            tags);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-4)]
    public void Nothing_lost_records_nothing(long count)
    {
        using var metrics = Listening(tracerName: null);

        metrics.ExportLost(LossReason.ExportQueueFull, count);

        Assert.Empty(_lost);
    }

    [Theory]
    [InlineData(LossReason.KernelBufferOverflow)]
    [InlineData(LossReason.SubscriberQueueFull)]
    [InlineData(LossReason.ScopeUndecided)]
    [InlineData(LossReason.MatchUndecided)]
    [InlineData((LossReason)99)]
    public void A_reason_the_tracer_counts_itself_is_refused_and_not_counted(LossReason reason)
    {
        using var metrics = Listening(tracerName: null);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => metrics.ExportLost(reason, 1));

        Assert.Equal("reason", error.ParamName);
        Assert.Empty(_lost);
    }

    private ExecTracerMetrics Listening(string? tracerName)
    {
        var metrics = new ExecTracerMetrics(_meters, tracerName);
        _listener.Start();
        return metrics;
    }

    /// <summary>A meter of the test's own, so that the listener hears no other test's tracer.</summary>
    private sealed class OwnMeterFactory : IMeterFactory
    {
        public Meter? Created { get; private set; }

        public Meter Create(MeterOptions options) => Created = new Meter(options);

        public void Dispose() => Created?.Dispose();
    }
}
