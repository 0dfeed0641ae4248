using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Tracing.Filtering;
using Tracing.Tracer;

namespace Tracing.Hosting.Tests.Configuration;

public class ExecTracingConfigurationTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings, Action<ExecTracingOptions>? configure = null) =>
        new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .AddExecTracing(configure ?? (_ => { }))
            .BuildServiceProvider();

    [Fact]
    public async Task The_ExecTracing_section_sets_the_options()
    {
        await using var provider = Build(new()
        {
            ["ExecTracing:Scope"] = "ProcessTree",
            ["ExecTracing:Pid"] = "1234",
            ["ExecTracing:IncludeExits"] = "true",
            ["ExecTracing:Details"] = "WorkingDirectory, Credentials",
            ["ExecTracing:QueueCapacity"] = "4096",
        });

        var options = provider.GetRequiredService<IOptions<ExecTracingOptions>>().Value;

        Assert.Equal(ExecTraceFilter.ProcessTree(1234), options.GetFilter());
        Assert.True(options.IncludeExits);
        Assert.Equal(ExecDetails.WorkingDirectory | ExecDetails.Credentials, options.Details);
        Assert.Equal(4096, options.QueueCapacity);
    }

    [Fact]
    public async Task Code_runs_after_configuration_and_wins()
    {
        await using var provider = Build(new() { ["ExecTracing:IncludeExits"] = "true", ["ExecTracing:QueueCapacity"] = "4096" }, o => o.QueueCapacity = 128);

        var options = provider.GetRequiredService<IOptions<ExecTracingOptions>>().Value;

        Assert.True(options.IncludeExits);
        Assert.Equal(128, options.QueueCapacity);
    }

    [Theory]
    [InlineData("ProcessTree", null, null, "ExecTracing:Pid")]
    [InlineData("Cgroup", null, null, "ExecTracing:Cgroup")]
    [InlineData("Sometimes", null, null, "ExecTracing:Scope")]
    [InlineData(null, "42", null, "ExecTracing:Scope")]
    [InlineData("Cgroup", null, "relative/path", "ExecTracing:Cgroup")]
    public async Task A_wrong_setting_fails_with_a_message_naming_it(string? scope, string? pid, string? cgroup, string named)
    {
        await using var provider = Build(new() { ["ExecTracing:Scope"] = scope, ["ExecTracing:Pid"] = pid, ["ExecTracing:Cgroup"] = cgroup });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ExecTracingOptions>>().Value);

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_capacity_from_configuration_is_reported_with_its_setting()
    {
        await using var provider = Build(new() { ["ExecTracing:QueueCapacity"] = "1" });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ExecTracingOptions>>().Value);

        Assert.Contains("QueueCapacity", error.Message, StringComparison.Ordinal);
    }
}
