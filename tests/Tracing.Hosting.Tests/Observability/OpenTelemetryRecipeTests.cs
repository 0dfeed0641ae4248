using System.Collections.ObjectModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using Tracing.Events;
using Tracing.Hosting.Tests.Fakes;
using Tracing.Tracer;

namespace Tracing.Hosting.Tests.Observability;

/// <summary>
/// docs/observability.md's recipe in a host over the fake kernel, exported by OpenTelemetry's in-memory exporter:
/// what comes out is what the page's tables say.
/// </summary>
[Collection(ProcessWideMeters.Name)]
public class OpenTelemetryRecipeTests
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Execs_exits_and_losses_are_exported_with_the_documented_names_units_attributes_and_event_ids()
    {
        var exported = new List<MetricSnapshot>();
        var logs = new LockedCollection<LogRecord>();
        var builder = Host.CreateApplicationBuilder();
        var source = SubstitutePorts.Add(builder.Services);
        builder.Services.AddExecTracing(o =>
        {
            o.IncludeExits = true;
            o.QueueCapacity = 16;
        });
        builder.Services.AddOpenTelemetry().WithMetrics(m => m.AddMeter(ExecTracerMetrics.MeterName).AddInMemoryExporter(exported));
        builder.Logging.ClearProviders();
        builder.Logging.AddOpenTelemetry(o => o.AddInMemoryExporter(logs));
        using var host = builder.Build();
        var tracer = host.Services.GetRequiredService<ExecTracer>();
        long execs = 0, exits = 0;
        using var counting = tracer.SubscribeInline(e =>
        {
            execs += e is ExecEvent ? 1 : 0;
            exits += e is ExitEvent ? 1 : 0;
        });
        _ = tracer.CreateReader();   // a subscriber that never reads: its queue fills, then drops

        await host.StartAsync();
        for (var i = 0; i < 20; i++)
        {
            source.Exec(300, timestampNs: 1);
        }

        source.Exit(300, timestampNs: 2, parentPid: 200);
        source.LoseEvents(3);
        source.Fail(new IOException("The netlink socket was closed."));
        await Assert.ThrowsAsync<IOException>(() => tracer.Completion.WaitAsync(s_timeout));
        await host.StopAsync();

        // Read once the run is over: a drop counted after the failure (the loss notice's) is in the metric too.
        var dropped = tracer.SubscriberEventsDropped;
        host.Services.GetRequiredService<MeterProvider>().ForceFlush();

        var metrics = exported.Where(m => m.MeterName == ExecTracerMetrics.MeterName).GroupBy(m => m.Name).ToDictionary(g => g.Key, g => g.Last());
        foreach (var metric in metrics.Values)
        {
            var row = Assert.Single(ObservabilityDoc.Metrics, r => r["Name"] == metric.Name);
            Assert.Equal(row["Unit"], metric.Unit);
            Assert.Equal(row["Description"], metric.Description);
            Assert.Equal(row["Kind"] == "Histogram" ? MetricType.Histogram : MetricType.LongSum, metric.MetricType);
            Assert.All(Points(metric).SelectMany(p => Tags(p)), tag => Assert.Contains(
                ObservabilityDoc.AttributeValues, r => r["Attribute"] == tag.Key && r["Value"] == (string?)tag.Value && row["Attributes"] == tag.Key));
        }

        Assert.True(execs > 0 && exits > 0 && dropped > 0, $"the feed gave {execs} execs, {exits} exits, {dropped} dropped");
        Assert.Equal(execs, Sum(metrics["tracing.events"], "tracing.event.kind", "exec"));
        Assert.Equal(exits, Sum(metrics["tracing.events"], "tracing.event.kind", "exit"));
        Assert.Equal(3, Sum(metrics["tracing.events.lost"], "tracing.loss.reason", "kernel_buffer_overflow"));
        Assert.Equal(dropped, Sum(metrics["tracing.events.lost"], "tracing.loss.reason", "subscriber_queue_full"));
        var latency = Assert.Single(Points(metrics["tracing.delivery.latency"]));
        Assert.Equal(execs + exits, latency.GetHistogramCount());
        Assert.Equal(ObservabilityDoc.Buckets("tracing.delivery.latency"), Bounds(latency));

        var records = logs.Snapshot().Where(r => r.CategoryName!.StartsWith("Tracing.", StringComparison.Ordinal)).ToList();
        foreach (var record in records)
        {
            var row = Assert.Single(ObservabilityDoc.LogEvents, r => r["Id"] == record.EventId.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(row["Name"], record.EventId.Name);
            Assert.Equal(row["Level"], record.LogLevel.ToString());
            Assert.Equal(row["Category"], record.CategoryName);
            Assert.Equal(row["Message"], record.Body);
        }

        // What this feed provokes: started, the kernel's loss, a full queue, the source's failure, stopped.
        Assert.Equal([1, 2, 3, 5, 6], records.Select(r => r.EventId.Id).Distinct().Order());
        var lost = records.First(r => r.EventId.Id == 3);
        Assert.Contains(lost.Attributes!, a => a.Key == "Count" && Equals(a.Value, 3L));
        Assert.IsType<IOException>(records.Single(r => r.EventId.Id == 6).Exception);
    }

    private static List<MetricPoint> Points(MetricSnapshot metric) => [.. metric.MetricPoints];

    private static List<KeyValuePair<string, object?>> Tags(MetricPoint point)
    {
        var tags = new List<KeyValuePair<string, object?>>();
        foreach (var tag in point.Tags)
        {
            tags.Add(tag);
        }

        return tags;
    }

    private static long Sum(MetricSnapshot metric, string attribute, string value) =>
        Points(metric).Where(p => Tags(p).Any(t => t.Key == attribute && (string?)t.Value == value)).Sum(p => p.GetSumLong());

    private static List<double> Bounds(MetricPoint point)
    {
        var bounds = new List<double>();
        foreach (var bucket in point.GetHistogramBuckets())
        {
            if (!double.IsPositiveInfinity(bucket.ExplicitBound))
            {
                bounds.Add(bucket.ExplicitBound);
            }
        }

        return bounds;
    }

    /// <summary>Log records arrive from the receive thread and the host's: added under a lock.</summary>
    private sealed class LockedCollection<T> : Collection<T>
    {
        private readonly Lock _gate = new();

        public List<T> Snapshot()
        {
            lock (_gate)
            {
                return [.. this];
            }
        }

        protected override void InsertItem(int index, T item)
        {
            lock (_gate)
            {
                base.InsertItem(index, item);
            }
        }
    }
}
