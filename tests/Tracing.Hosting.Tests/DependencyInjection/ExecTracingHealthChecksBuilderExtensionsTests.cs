using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NSubstitute;
using Tracing.Core.Tests.Fakes;
using Tracing.Hosting.Tests.Fakes;
using Tracing.Ports;
using Tracing.Tracer;
using Data = Tracing.Hosting.HealthChecks.ExecTracingHealthData;

namespace Tracing.Hosting.Tests.DependencyInjection;

public class ExecTracingHealthChecksBuilderExtensionsTests
{
    [Fact]
    public void The_check_is_registered_with_its_default_name_and_status_or_those_given()
    {
        var services = new ServiceCollection();
        services.AddHealthChecks()
            .AddExecTracing()
            .AddExecTracing(o =>
            {
                o.Name = "tracer";
                o.FailureStatus = HealthStatus.Degraded;
                o.Tags.Add("ready");
            })
            .AddExecTracing("web");
        using var provider = services.BuildServiceProvider();

        var registrations = provider.GetRequiredService<IOptions<HealthCheckServiceOptions>>().Value.Registrations.ToList();

        Assert.Equal(["exectracing", "tracer", "exectracing-web"], registrations.Select(r => r.Name));
        Assert.Equal([HealthStatus.Unhealthy, HealthStatus.Degraded, HealthStatus.Unhealthy], registrations.Select(r => r.FailureStatus));
        Assert.Equal(["ready"], registrations[1].Tags);
        Assert.Empty(registrations[0].Tags);
    }

    [Fact]
    public async Task A_check_whose_tracer_is_not_registered_fails_alone_naming_the_key()
    {
        var services = new ServiceCollection().AddLogging();
        SubstitutePorts.Add(services);
        services.AddExecTracing();
        services.AddHealthChecks().AddExecTracing().AddExecTracing("nope");
        await using var provider = services.BuildServiceProvider();

        var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        Assert.Equal(HealthStatus.Unhealthy, report.Entries["exectracing-nope"].Status);
        Assert.Contains("'nope'", report.Entries["exectracing-nope"].Description, StringComparison.Ordinal);
        Assert.True(report.Entries.ContainsKey("exectracing"));
    }

    [Fact]
    public void A_negative_loss_window_is_refused_when_registered()
    {
        var checks = new ServiceCollection().AddHealthChecks();

        Assert.Throws<ArgumentOutOfRangeException>(() => checks.AddExecTracing(o => o.LossWindow = TimeSpan.FromSeconds(-1)));
    }

    [Fact]
    public async Task A_keyed_check_reads_the_tracer_of_its_key()
    {
        var services = new ServiceCollection().AddLogging();
        var source = new FakeKernelEventSource();
        services.AddKeyedSingleton("web", (_, _) => new ExecTracer(
            source, Substitute.For<IProcessInfoReader>(), Substitute.For<IMonotonicClock>(), new ExecTracingOptions()));
        services.AddHealthChecks().AddExecTracing("web", o => o.Tags.Add("web"));
        await using var provider = services.BuildServiceProvider();
        var tracer = provider.GetRequiredKeyedService<ExecTracer>("web");
        await tracer.StartAsync();
        source.LoseEvents(4);

        var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        var entry = Assert.Single(report.Entries);
        Assert.Equal("exectracing-web", entry.Key);
        Assert.Equal(HealthStatus.Degraded, entry.Value.Status);
        Assert.Equal(4L, entry.Value.Data[Data.KernelEventsLost]);
        Assert.Equal(["web"], entry.Value.Tags);
    }

    [Fact]
    public async Task In_a_host_the_tracer_is_expected_to_run_from_the_hosts_start_to_its_stop()
    {
        var builder = Host.CreateApplicationBuilder();
        SubstitutePorts.Add(builder.Services);
        builder.Services.AddExecTracing();
        builder.Services.AddHealthChecks().AddExecTracing();
        using var host = builder.Build();
        var health = host.Services.GetRequiredService<HealthCheckService>();
        var tracer = host.Services.GetRequiredService<ExecTracer>();

        var beforeStart = (await health.CheckHealthAsync()).Entries["exectracing"];
        await host.StartAsync();
        var running = (await health.CheckHealthAsync()).Entries["exectracing"];
        await tracer.StopAsync();
        var stoppedWhileRunning = (await health.CheckHealthAsync()).Entries["exectracing"];
        await tracer.StartAsync();
        await host.StopAsync();
        var stoppedWithHost = (await health.CheckHealthAsync()).Entries["exectracing"];

        Assert.Equal(HealthStatus.Healthy, beforeStart.Status);
        Assert.Contains("the host is not running", beforeStart.Description, StringComparison.Ordinal);
        Assert.Equal(HealthStatus.Healthy, running.Status);
        Assert.Equal("Running", running.Data[Data.State]);
        Assert.Equal(HealthStatus.Unhealthy, stoppedWhileRunning.Status);
        Assert.Equal("Stopped", stoppedWhileRunning.Data[Data.State]);
        Assert.Equal(HealthStatus.Healthy, stoppedWithHost.Status);
        Assert.Equal("Stopped", stoppedWithHost.Data[Data.State]);
    }
}
