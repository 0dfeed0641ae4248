using System.Diagnostics;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Tracing.Kernel.Tests.Otlp;

/// <summary>The Aspire Dashboard fixture: what the OpenTelemetry SDK sends it, its readers give back.</summary>
public sealed class AspireDashboardTests
{
    private static readonly KeyValuePair<string, object?>[] s_attributes =
    [
        new("process.pid", 4242),
        new("process.command_args", new[] { "/bin/echo", "hi" }),
    ];

    [Theory]
    [InlineData(OtlpExportProtocol.Grpc)]
    [InlineData(OtlpExportProtocol.HttpProtobuf)]
    public async Task A_log_record_sent_by_the_SDK_comes_back_with_every_value(OtlpExportProtocol protocol)
    {
        await using var dashboard = await AspireDashboard.StartNewAsync();
        var instance = Guid.NewGuid().ToString("N");
        var before = DateTime.UtcNow;
        ActivityTraceId traceId;
        ActivitySpanId spanId;
        using (var loggerFactory = LoggerFactory.Create(logging => logging.AddOpenTelemetry(o =>
        {
            o.SetResourceBuilder(Resource(instance));
            o.AddOtlpExporter(e => e.Point(dashboard, protocol, "logs"));
        })))
        {
            using var context = new Activity("log context").Start();
            (traceId, spanId) = (context.TraceId, context.SpanId);
            KeyValuePair<string, object?>[] state = [.. s_attributes, new("{OriginalFormat}", "exec {process.pid}")];
            loggerFactory.CreateLogger("Tracing.Otlp.Smoke")
                .Log(LogLevel.Warning, new EventId(7, "process.exec"), state, null, (_, _) => "exec 4242");
        }

        var after = DateTime.UtcNow;

        var log = Assert.Single(await dashboard.GetLogsAsync());
        Assert.Equal("aspire-dashboard-tests", log.ResourceAttributes["service.name"]);
        Assert.Equal(instance, log.ResourceAttributes["service.instance.id"]);
        Assert.Equal("Tracing.Otlp.Smoke", log.ScopeName);
        Assert.Equal("process.exec", log.EventName);
        Assert.Equal("exec {process.pid}", log.Body);
        Assert.InRange(log.TimeUnixNano, UnixNanoFloor(before), UnixNanoFloor(after));
        Assert.Equal(13, log.SeverityNumber);
        Assert.Equal(traceId.ToHexString(), log.TraceId);
        Assert.Equal(spanId.ToHexString(), log.SpanId);
        foreach (var (key, value) in s_attributes)
        {
            Assert.Equal(DashboardText.Of(value), log.Attributes[key]);
        }
    }

    [Theory]
    [InlineData(OtlpExportProtocol.Grpc)]
    [InlineData(OtlpExportProtocol.HttpProtobuf)]
    public async Task A_parent_and_child_span_sent_by_the_SDK_come_back_with_every_value(OtlpExportProtocol protocol)
    {
        await using var dashboard = await AspireDashboard.StartNewAsync();
        var instance = Guid.NewGuid().ToString("N");
        using var source = new ActivitySource($"Tracing.Otlp.Smoke.{instance}");
        var parentStart = new DateTimeOffset(DateTime.UtcNow.AddSeconds(-10));
        var (childStart, childEnd, parentEnd) = (parentStart.AddMilliseconds(1), parentStart.AddSeconds(2), parentStart.AddSeconds(3));
        ActivityContext parentContext, childContext;
        using (var tracing = Sdk.CreateTracerProviderBuilder()
            .SetResourceBuilder(Resource(instance))
            .AddSource(source.Name)
            .AddOtlpExporter(e => e.Point(dashboard, protocol, "traces"))
            .Build())
        {
            using (var parent = source.StartActivity("process", ActivityKind.Internal, default(ActivityContext), s_attributes, startTime: parentStart)!)
            {
                using (var child = source.StartActivity("child", ActivityKind.Client, parent.Context, startTime: childStart)!)
                {
                    childContext = child.Context;
                    child.SetEndTime(childEnd.UtcDateTime);
                }

                parentContext = parent.Context;
                parent.SetStatus(ActivityStatusCode.Error, "exit 1");
                parent.SetEndTime(parentEnd.UtcDateTime);
            }

            Assert.True(tracing.ForceFlush(10_000), dashboard.Output);
        }

        var spans = (await dashboard.GetTracesAsync()).ToDictionary(s => s.Name);
        Assert.Equal(["child", "process"], spans.Keys.Order());
        var (p, c) = (spans["process"], spans["child"]);
        Assert.All(spans.Values, s => Assert.Equal("aspire-dashboard-tests", s.ResourceAttributes["service.name"]));
        Assert.All(spans.Values, s => Assert.Equal(instance, s.ResourceAttributes["service.instance.id"]));
        Assert.All(spans.Values, s => Assert.Equal(source.Name, s.ScopeName));
        Assert.All(spans.Values, s => Assert.Equal(parentContext.TraceId.ToHexString(), s.TraceId));
        Assert.Equal((parentContext.SpanId.ToHexString(), null, 1), (p.SpanId, p.ParentSpanId, p.Kind));
        Assert.Equal((childContext.SpanId.ToHexString(), parentContext.SpanId.ToHexString(), 3), (c.SpanId, c.ParentSpanId, c.Kind));
        Assert.Equal((UnixNano(parentStart), UnixNano(parentEnd)), (p.StartTimeUnixNano, p.EndTimeUnixNano));
        Assert.Equal((UnixNano(childStart), UnixNano(childEnd)), (c.StartTimeUnixNano, c.EndTimeUnixNano));
        Assert.Equal((2, "exit 1"), (p.StatusCode, p.StatusMessage));
        Assert.Equal((0, null), (c.StatusCode, c.StatusMessage));
        Assert.Equal(s_attributes.ToDictionary(a => a.Key, a => DashboardText.Of(a.Value)), p.Attributes.ToDictionary(a => a.Key, a => (string?)a.Value));
        Assert.Empty(c.Attributes);
    }

    private static ResourceBuilder Resource(string instance) =>
        ResourceBuilder.CreateEmpty().AddService("aspire-dashboard-tests", serviceInstanceId: instance, autoGenerateServiceInstanceId: false);

    // Times go to the dashboard in nanoseconds and come back in 100 ns ticks.
    private static ulong UnixNano(DateTimeOffset time) => (ulong)(time.UtcTicks - DateTime.UnixEpoch.Ticks) * 100;

    private static ulong UnixNanoFloor(DateTime time) => (ulong)(time.Ticks - DateTime.UnixEpoch.Ticks) * 100;
}
