using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using NSubstitute;
using Tracing.Filtering;
using Tracing.Hosting.Tests.Fakes;
using Tracing.Ports;
using Tracing.Tracer;

namespace Tracing.Hosting.Tests.Metrics;

public class ExecTracerMetricsTests
{
    [Fact]
    public async Task Execs_losses_and_latency_are_measured_on_the_Tracing_meter()
    {
        var services = new ServiceCollection().AddMetrics();
        var source = SubstitutePorts.Add(services);
        services.AddExecTracing();
        await using var provider = services.BuildServiceProvider();
        var meters = provider.GetRequiredService<IMeterFactory>();
        using var events = new MetricCollector<long>(meters, ExecTracerMetrics.MeterName, "tracing.events");
        using var lost = new MetricCollector<long>(meters, ExecTracerMetrics.MeterName, "tracing.events.lost");
        using var latency = new MetricCollector<double>(meters, ExecTracerMetrics.MeterName, "tracing.delivery.latency");
        var tracer = provider.GetRequiredService<ExecTracer>();

        await tracer.StartAsync();
        source.Exec(300, timestampNs: 1);
        source.LoseEvents(7);
        await tracer.StopAsync();

        var exec = Assert.Single(events.GetMeasurementSnapshot());
        Assert.Equal(1, exec.Value);
        Assert.Equal("exec", exec.Tags["tracing.event.kind"]);
        var loss = Assert.Single(lost.GetMeasurementSnapshot());
        Assert.Equal(7, loss.Value);
        Assert.Equal("kernel_buffer_overflow", loss.Tags["tracing.loss.reason"]);
        Assert.Single(latency.GetMeasurementSnapshot());
    }

    [Fact]
    public async Task Execs_the_conditions_did_not_match_are_counted_apart_and_never_as_delivered()
    {
        var services = new ServiceCollection().AddMetrics();
        var source = SubstitutePorts.Add(services);
        services.AddExecTracing(o => o.Conditions.Add(ExecCondition.CommandName("make")));
        await using var provider = services.BuildServiceProvider();
        var meters = provider.GetRequiredService<IMeterFactory>();
        using var events = new MetricCollector<long>(meters, ExecTracerMetrics.MeterName, "tracing.events");
        using var notMatched = new MetricCollector<long>(meters, ExecTracerMetrics.MeterName, "tracing.exec.not_matched");
        using var lost = new MetricCollector<long>(meters, ExecTracerMetrics.MeterName, "tracing.events.lost");
        provider.GetRequiredService<IProcessInfoReader>().TryReadCommandName(300, out Arg.Any<string?>()).Returns(call =>
        {
            call[1] = "git";
            return true;
        });
        var tracer = provider.GetRequiredService<ExecTracer>();

        await tracer.StartAsync();
        source.Exec(300, timestampNs: 1);
        source.Exec(301, timestampNs: 2);
        await tracer.StopAsync();

        Assert.Empty(events.GetMeasurementSnapshot());
        Assert.Equal(1, Assert.Single(notMatched.GetMeasurementSnapshot()).Value);
        var undecided = Assert.Single(lost.GetMeasurementSnapshot());
        Assert.Equal("match_undecided", undecided.Tags["tracing.loss.reason"]);
    }

    [Fact]
    public async Task A_keyed_tracers_measurements_carry_its_name_and_the_unkeyed_ones_do_not()
    {
        var services = new ServiceCollection().AddMetrics();
        var unkeyedSource = SubstitutePorts.Add(services);
        var webSource = SubstitutePorts.AddKeyed(services, "web");
        services.AddExecTracing().AddExecTracing("web", _ => { });
        await using var provider = services.BuildServiceProvider();
        var meters = provider.GetRequiredService<IMeterFactory>();
        using var events = new MetricCollector<long>(meters, ExecTracerMetrics.MeterName, "tracing.events");
        using var latency = new MetricCollector<double>(meters, ExecTracerMetrics.MeterName, "tracing.delivery.latency");
        var unkeyed = provider.GetRequiredService<ExecTracer>();
        var web = provider.GetRequiredKeyedService<ExecTracer>("web");

        await unkeyed.StartAsync();
        await web.StartAsync();
        unkeyedSource.Exec(300, timestampNs: 1);
        webSource.Exec(400, timestampNs: 1);
        webSource.Exec(401, timestampNs: 1);
        await unkeyed.StopAsync();
        await web.StopAsync();

        var byTracer = events.GetMeasurementSnapshot()
            .GroupBy(m => m.Tags.TryGetValue(ExecTracerMetrics.TracerNameAttribute, out var name) ? (string?)name : "(unkeyed)")
            .ToDictionary(g => g.Key!, g => g.Sum(m => m.Value));
        Assert.Equal(new Dictionary<string, long> { ["(unkeyed)"] = 1, ["web"] = 2 }, byTracer);
        Assert.All(events.GetMeasurementSnapshot(), m => Assert.Equal("exec", m.Tags["tracing.event.kind"]));
        Assert.Equal(2, latency.GetMeasurementSnapshot().Count(m => Equals(m.Tags.GetValueOrDefault(ExecTracerMetrics.TracerNameAttribute), "web")));
    }
}
