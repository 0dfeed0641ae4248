using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Tracing.Events;
using Tracing.Filtering;
using Tracing.Hosting.Tests.Fakes;
using Tracing.Ports;
using Tracing.Tracer;

namespace Tracing.Hosting.Tests.DependencyInjection;

/// <summary>Several tracers in one host, each keyed by a name: its own options, kernel subscription, start and stop.</summary>
public class KeyedTracerTests
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Two_keyed_tracers_have_their_own_options_and_tracer_and_no_unkeyed_one_is_made()
    {
        var services = new ServiceCollection();
        SubstitutePorts.Add(services);
        SubstitutePorts.AddKeyed(services, "web");
        SubstitutePorts.AddKeyed(services, "ci");
        await using var provider = services
            .AddExecTracing("web", o => o.Filter = ExecTraceFilter.Container("web"))
            .AddExecTracing("ci", o => o.Filter = ExecTraceFilter.ProcessTree(300))
            .BuildServiceProvider();

        var web = provider.GetRequiredKeyedService<ExecTracer>("web");
        var ci = provider.GetRequiredKeyedService<ExecTracer>("ci");
        var monitor = provider.GetRequiredService<IOptionsMonitor<ExecTracingOptions>>();

        Assert.NotSame(web, ci);
        Assert.Same(web, provider.GetRequiredKeyedService<ExecTracer>("web"));
        Assert.Equal(ExecTraceFilter.Container("web"), monitor.Get("web").GetFilter());
        Assert.Equal(ExecTraceFilter.ProcessTree(300), monitor.Get("ci").GetFilter());
        Assert.Null(provider.GetService<ExecTracer>());
    }

    [Fact]
    public async Task A_host_starts_and_stops_every_tracer_each_on_its_own_kernel_subscription()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Tracers:git:CommandNames:0"] = "git" });
        var unkeyed = SubstitutePorts.Add(builder.Services);
        var everything = SubstitutePorts.AddKeyed(builder.Services, "everything");
        var git = SubstitutePorts.AddKeyed(builder.Services, "git");
        builder.Services
            .AddExecTracing("everything", o => o.IncludeExits = true)
            .AddExecTracing("git", builder.Configuration.GetSection("Tracers:git"), o => o.Conditions.Add(ExecCondition.RealUid(0, 1000)))
            .AddExecTracing();
        using var host = builder.Build();
        var everythingEvents = host.Services.GetRequiredKeyedService<ExecTracer>("everything").CreateReader();
        var gitTracer = host.Services.GetRequiredKeyedService<ExecTracer>("git");
        var gitEvents = gitTracer.CreateReader();

        await host.StartAsync();
        everything.Exec(300, timestampNs: 1);
        await host.StopAsync();

        Assert.Equal([1, 1, 1], new[] { unkeyed.StartCount, everything.StartCount, git.StartCount });
        Assert.Equal(TracerState.Stopped, gitTracer.State);
        using var timeout = new CancellationTokenSource(s_timeout);
        Assert.Equal(300, Assert.IsType<ExecEvent>(await everythingEvents.ReadAsync(timeout.Token)).Pid);
        Assert.False(await gitEvents.WaitToReadAsync(timeout.Token));
        Assert.Equal(2, host.Services.GetRequiredService<IOptionsMonitor<ExecTracingOptions>>().Get("git").GetConditions().Count);
    }

    [Fact]
    public async Task A_wrong_setting_of_a_keyed_tracer_fails_the_start_naming_its_key_in_its_section()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Tracers:ci:Scope"] = "ProcessTree" });
        SubstitutePorts.Add(builder.Services);
        var ci = SubstitutePorts.AddKeyed(builder.Services, "ci");
        builder.Services.AddExecTracing("ci", builder.Configuration.GetSection("Tracers:ci"));
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Equal("Tracers:ci:Pid must be set when Tracers:ci:Scope is ProcessTree.", error.Message);
        Assert.Equal("ci", error.OptionsName);
        Assert.Equal(0, ci.StartCount);
    }

    [Fact]
    public async Task A_keyed_tracer_set_in_code_is_named_by_its_key_without_a_host()
    {
        await using var provider = new ServiceCollection().AddExecTracing("web", o => o.QueueCapacity = 1).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredKeyedService<ExecTracer>("web"));

        Assert.Equal("ExecTracing[web]:QueueCapacity must be between 16 and 16777216; got 1.", error.Message);
    }

    [Fact]
    public async Task A_keyed_section_holds_no_backend_settings_which_are_the_hosts()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Tracers:web:ProcConnector:RealtimePriority"] = "5" })
            .Build();
        await using var provider = new ServiceCollection().AddExecTracing("web", configuration.GetSection("Tracers:web")).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptionsMonitor<ExecTracingOptions>>().Get("web"));

        Assert.Equal(
            "Tracers:web:ProcConnector is not a setting of Tracers:web, whose keys are Scope, Pid, Cgroup, Container, CommandNames, Uids, IncludeExits, Details, QueueCapacity, QueueFullMode, IncludeFailedExecs, Source.",
            error.Message);
    }

    [Fact]
    public async Task Each_keyed_tracer_gets_a_platform_kernel_source_of_its_own()
    {
        await using var provider = new ServiceCollection().AddExecTracing().AddExecTracing("a", _ => { }).AddExecTracing("b", _ => { }).BuildServiceProvider();

        var a = provider.GetRequiredKeyedService<IKernelEventSource>("a");
        var b = provider.GetRequiredKeyedService<IKernelEventSource>("b");

        Assert.NotSame(a, b);
        Assert.NotSame(a, provider.GetRequiredService<IKernelEventSource>());
        Assert.Same(a, provider.GetRequiredKeyedService<IKernelEventSource>("a"));
        Assert.Equal(provider.GetRequiredService<IKernelEventSource>().GetType(), a.GetType());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void A_keyed_tracer_needs_a_name(string? name)
    {
        Assert.ThrowsAny<ArgumentException>(() => new ServiceCollection().AddExecTracing(name!, _ => { }));
    }

    [Fact]
    public void Each_name_registers_one_tracer_and_one_hosted_service_however_often_it_is_added()
    {
        var services = new ServiceCollection().AddExecTracing("web", _ => { }).AddExecTracing("web", _ => { }).AddExecTracing().AddExecTracing();

        Assert.Single(services, d => d.ServiceType == typeof(ExecTracer) && d.IsKeyedService && Equals(d.ServiceKey, "web"));
        Assert.Single(services, d => d.ServiceType == typeof(ExecTracer) && !d.IsKeyedService);
        Assert.Equal(2, services.Count(d => d.ServiceType == typeof(IHostedService)));
    }

    [Fact]
    public async Task A_keyed_tracer_that_cannot_start_fails_the_host_naming_its_key()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        SubstitutePorts.Add(builder.Services);
        SubstitutePorts.AddKeyed(builder.Services, "web");
        builder.Services.AddExecTracing("web", o => o.Filter = ExecTraceFilter.ProcessTree(999999));
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync());

        Assert.Equal("The exec tracer 'web' could not start: Process 999999 does not exist.", error.Message);
        Assert.IsType<ArgumentException>(error.InnerException);
    }

    [Fact]
    public async Task A_keyed_tracer_logs_under_a_category_of_its_own_below_the_tracers()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddFakeLogging();
        SubstitutePorts.Add(builder.Services);
        SubstitutePorts.AddKeyed(builder.Services, "web");
        builder.Services.AddExecTracing().AddExecTracing("web", _ => { });
        using var host = builder.Build();

        await host.StartAsync();
        await host.StopAsync();

        var started = host.Services.GetFakeLogCollector().GetSnapshot().Where(r => r.Id.Id == 1).Select(r => r.Category).Order();
        Assert.Equal(["Tracing.Tracer.ExecTracer", "Tracing.Tracer.ExecTracer.web"], started);
    }
}
