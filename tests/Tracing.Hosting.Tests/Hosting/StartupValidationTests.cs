using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Tracing.Hosting.Tests.Fakes;
using Tracing.Tracer;

namespace Tracing.Hosting.Tests.Hosting;

/// <summary>A wrong setting in any section stops the host's start before the kernel is asked for anything.</summary>
public class StartupValidationTests
{
    [Theory]
    [InlineData("ExecTracing:Scope", "Sometimes", "ExecTracing:Scope 'Sometimes' is not one of Everything, ProcessTree, Cgroup, Container.")]
    [InlineData("ExecTracing:QueueCapacity", "8", "ExecTracing:QueueCapacity must be between 16 and 16777216; got 8.")]
    [InlineData("ExecTracing:ProcConnector:RealtimePriority", "100", "The field ExecTracing:ProcConnector:RealtimePriority must be between 0 and 99.")]
    [InlineData("ExecTracing:DarwinPolling:Interval", "00:00:00.001", "The field ExecTracing:DarwinPolling:Interval must be between 00:00:00.0100000 and 00:01:00.")]
    public async Task A_wrong_setting_fails_the_start_with_a_message_naming_it(string key, string value, string expected)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { [key] = value });
        var source = SubstitutePorts.Add(builder.Services);
        builder.Services.AddExecTracing();
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Equal(expected, error.Message);
        Assert.Equal(0, source.StartCount);
    }

    [Fact]
    public async Task Wrong_settings_in_several_sections_are_reported_together_once_each()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ExecTracing:Scope"] = "Sometimes",
            ["ExecTracing:ProcConnector:RealtimePriority"] = "100",
            ["ExecTracing:DarwinPolling:Interval"] = "00:00:00.001",
        });
        var source = SubstitutePorts.Add(builder.Services);
        builder.Services.AddExecTracing();
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<AggregateException>(() => host.StartAsync());

        Assert.Equal(
            [
                "ExecTracing:Scope 'Sometimes' is not one of Everything, ProcessTree, Cgroup, Container.",
                "The field ExecTracing:DarwinPolling:Interval must be between 00:00:00.0100000 and 00:01:00.",
                "The field ExecTracing:ProcConnector:RealtimePriority must be between 0 and 99.",
            ],
            error.InnerExceptions.Select(e => Assert.IsType<OptionsValidationException>(e).Message).Order(StringComparer.Ordinal));
        Assert.Equal(0, source.StartCount);
    }

    [Fact]
    public async Task A_configured_root_process_that_does_not_exist_fails_the_start_naming_the_key()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ExecTracing:Scope"] = "ProcessTree", ["ExecTracing:Pid"] = "999999" });
        SubstitutePorts.Add(builder.Services);
        builder.Services.AddExecTracing();
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Equal("ExecTracing:Pid: Process 999999 does not exist.", error.Message);
    }

    [Fact]
    public async Task A_keyed_tracer_root_process_that_does_not_exist_fails_the_start_naming_its_key_in_its_section()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Tracers:ci:Scope"] = "ProcessTree", ["Tracers:ci:Pid"] = "999999" });
        SubstitutePorts.Add(builder.Services);
        SubstitutePorts.AddKeyed(builder.Services, "ci");
        builder.Services.AddExecTracing("ci", builder.Configuration.GetSection("Tracers:ci"));
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Equal("Tracers:ci:Pid: Process 999999 does not exist.", error.Message);
    }

    [Fact]
    public async Task A_root_process_set_in_code_fails_the_start_as_the_tracer_says()
    {
        // Code wins over the section: the key did not choose this root, so it is not named.
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ExecTracing:Scope"] = "ProcessTree", ["ExecTracing:Pid"] = "300" });
        SubstitutePorts.Add(builder.Services);
        builder.Services.AddExecTracing(o => o.Filter = Tracing.Filtering.ExecTraceFilter.ProcessTree(999999));
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => host.StartAsync());

        Assert.Equal("Process 999999 does not exist.", error.Message);
    }

    [Fact]
    public async Task Valid_settings_in_every_section_start_the_tracer_with_them()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ExecTracing:Scope"] = "everything",
            ["ExecTracing:IncludeExits"] = "true",
            ["ExecTracing:QueueFullMode"] = "DropOldest",
            ["ExecTracing:ProcConnector:RealtimePriority"] = "0",
            ["ExecTracing:DarwinPolling:Interval"] = "00:00:01",
        });
        var source = SubstitutePorts.Add(builder.Services);
        builder.Services.AddExecTracing();
        using var host = builder.Build();

        await host.StartAsync();
        var options = host.Services.GetRequiredService<IOptions<ExecTracingOptions>>().Value;
        await host.StopAsync();

        Assert.Equal(1, source.StartCount);
        Assert.True(options.IncludeExits);
        Assert.Equal(QueueFullMode.DropOldest, options.QueueFullMode);
    }
}
