using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NSubstitute;
using Tracing.Hosting.Tests.Fakes;
using Tracing.Darwin;
using Tracing.Linux;
using Tracing.Core.Tests.Fakes;
using Tracing.Events;
using Tracing.Filtering;
using Tracing.Ports;
using Tracing.Predicates;
using Tracing.Tracer;

namespace Tracing.Hosting.Tests.DependencyInjection;

public class ExecTracingServiceCollectionExtensionsTests
{
    [Fact]
    public async Task AddExecTracing_registers_a_resolvable_singleton_tracer()
    {
        await using var provider = new ServiceCollection().AddExecTracing().BuildServiceProvider();

        var tracer = provider.GetRequiredService<ExecTracer>();

        Assert.Same(tracer, provider.GetRequiredService<ExecTracer>());
        Assert.Equal(TracerState.Stopped, tracer.State);
    }

    [Fact]
    public void A_provider_disposed_synchronously_disposes_the_tracer()
    {
        var provider = new ServiceCollection().AddExecTracing().BuildServiceProvider();
        var tracer = provider.GetRequiredService<ExecTracer>();

        provider.Dispose();

        Assert.Equal(TracerState.Disposed, tracer.State);
    }

    [Fact]
    public async Task AddExecTracing_registers_every_port_for_this_platform()
    {
        await using var provider = new ServiceCollection().AddExecTracing().BuildServiceProvider();

        Assert.NotNull(provider.GetService<IKernelEventSource>());
        Assert.NotNull(provider.GetService<IProcessInfoReader>());
        Assert.NotNull(provider.GetService<IMonotonicClock>());
        Assert.NotNull(provider.GetService<ICommandLauncher>());
        Assert.NotNull(provider.GetService<TimeProvider>());
        if (OperatingSystem.IsLinux())
        {
            Assert.Equal("SelectedEventSource", provider.GetRequiredService<IKernelEventSource>().GetType().Name);
            Assert.Equal("ProcFsReader", provider.GetRequiredService<IProcessInfoReader>().GetType().Name);
            Assert.Equal("SpawnCommandLauncher", provider.GetRequiredService<ICommandLauncher>().GetType().Name);
        }
    }

    [Fact]
    public async Task Configure_is_applied()
    {
        await using var provider = new ServiceCollection()
            .AddExecTracing(o =>
            {
                o.QueueCapacity = 1024;
                o.IncludeExits = true;
                o.Details = ExecDetails.Credentials;
                o.Filter = ExecTraceFilter.ProcessTree(42);
            })
            .BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<ExecTracingOptions>>().Value;

        Assert.Equal(1024, options.QueueCapacity);
        Assert.True(options.IncludeExits);
        Assert.Equal(ExecDetails.Credentials, options.Details);
        Assert.Equal(42, Assert.IsType<ProcessTreeFilter>(options.Filter).RootPid);
    }

    [Fact]
    public async Task Invalid_options_fail_validation_naming_the_setting()
    {
        await using var provider = new ServiceCollection().AddExecTracing(o => o.QueueCapacity = 0).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ExecTracingOptions>>().Value);

        Assert.Contains(nameof(ExecTracingOptions.QueueCapacity), error.Message, StringComparison.Ordinal);
        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<ExecTracer>());
    }

    [Fact]
    public async Task Invalid_filter_fails_validation_naming_the_filter()
    {
        await using var provider = new ServiceCollection().AddExecTracing(o => o.Filter = ExecTraceFilter.Cgroup("relative/path")).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ExecTracingOptions>>().Value);

        Assert.Contains("Filter", error.Message, StringComparison.Ordinal);
        Assert.Contains("relative/path", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_validators_and_bindings_are_registered_once_however_often_AddExecTracing_is_called()
    {
        var services = new ServiceCollection().AddExecTracing().AddExecTracing();
        await using var provider = services.BuildServiceProvider();

        Assert.Single(provider.GetServices<IValidateOptions<ExecTracingOptions>>());
        Assert.Single(provider.GetServices<IValidateOptions<ProcConnectorOptions>>());
        Assert.Single(provider.GetServices<IValidateOptions<DarwinPollingOptions>>());
        Assert.Single(provider.GetServices<IConfigureOptions<ProcConnectorOptions>>());
        Assert.Single(provider.GetServices<IConfigureOptions<DarwinPollingOptions>>());
        Assert.Single(services, d => d.ServiceType == typeof(ExecTracer));
    }

    [Fact]
    public async Task Pre_registered_ports_win_over_the_platform_ones()
    {
        var source = Substitute.For<IKernelEventSource>();
        var reader = Substitute.For<IProcessInfoReader>();
        var clock = Substitute.For<IMonotonicClock>();
        var launcher = Substitute.For<ICommandLauncher>();
        await using var provider = new ServiceCollection()
            .AddSingleton(source)
            .AddSingleton(reader)
            .AddSingleton(clock)
            .AddSingleton(launcher)
            .AddExecTracing()
            .BuildServiceProvider();

        Assert.Same(source, provider.GetRequiredService<IKernelEventSource>());
        Assert.Same(reader, provider.GetRequiredService<IProcessInfoReader>());
        Assert.Same(clock, provider.GetRequiredService<IMonotonicClock>());
        Assert.Same(launcher, provider.GetRequiredService<ICommandLauncher>());
    }

    [Fact]
    public async Task A_resolved_tracer_works_end_to_end_over_substitute_ports()
    {
        var services = new ServiceCollection();
        var source = SubstitutePorts.Add(services);
        await using var provider = services
            .AddExecTracing(o => o.Details = ExecDetails.Credentials)
            .BuildServiceProvider();
        var tracer = provider.GetRequiredService<ExecTracer>();
        var events = tracer.CreateReader();

        await tracer.StartAsync();
        source.Exec(300, timestampNs: 1);
        await tracer.StopAsync();

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var exec = Assert.IsType<ExecEvent>(await events.ReadAsync(timeout.Token));
        Assert.Equal(300, exec.Pid);
        Assert.Equal(200, exec.ParentPid);
        Assert.Equal(["git", "commit", "-m", "x"], exec.Arguments.Strings);
        Assert.True(exec.IsGitCommit());
        Assert.False(await events.WaitToReadAsync(timeout.Token));
        Assert.Equal(1, source.StartCount);
    }
}
