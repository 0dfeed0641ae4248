using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Tracing.Hosting.Tests.Configuration;
using Tracing.Hosting.Tests.Fakes;
using Tracing.Tracer;

namespace Tracing.Hosting.Tests.DependencyInjection;

/// <summary>Without a host, resolving the tracer checks every section, both backends' on every platform, as a host's start does.</summary>
public class ValidationWithoutHostTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings) =>
        ConfiguredProvider.Build(settings, services => SubstitutePorts.Add(services));

    [Theory]
    [InlineData("ExecTracing:DarwinPolling:Interval", "00:00:00.001", "The field ExecTracing:DarwinPolling:Interval must be between 00:00:00.0100000 and 00:01:00.")]
    [InlineData("ExecTracing:ProcConnector:RealtimePriority", "100", "The field ExecTracing:ProcConnector:RealtimePriority must be between 0 and 99.")]
    [InlineData("ExecTracing:Scope", "Tree", "ExecTracing:Scope 'Tree' is not one of Everything, ProcessTree, Cgroup, Container.")]
    public void The_other_platform_s_section_and_every_other_are_checked_when_the_tracer_is_resolved(string key, string value, string expected)
    {
        // The substitute ports stand for this platform's: nothing else reads the backends' options.
        using var provider = Build(new() { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<ExecTracer>());

        Assert.Equal(expected, error.Message);
    }

    [Fact]
    public void Wrong_settings_in_several_sections_are_reported_together_once_each()
    {
        using var provider = Build(new()
        {
            ["ExecTracing:Scope"] = "Tree",
            ["ExecTracing:ProcConnector:RealtimePriority"] = "100",
            ["ExecTracing:DarwinPolling:Interval"] = "00:00:00.001",
        });

        var error = Assert.Throws<AggregateException>(() => provider.GetRequiredService<ExecTracer>());

        Assert.Equal(
            [
                "ExecTracing:Scope 'Tree' is not one of Everything, ProcessTree, Cgroup, Container.",
                "The field ExecTracing:DarwinPolling:Interval must be between 00:00:00.0100000 and 00:01:00.",
                "The field ExecTracing:ProcConnector:RealtimePriority must be between 0 and 99.",
            ],
            error.InnerExceptions.Select(e => Assert.IsType<OptionsValidationException>(e).Message).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Valid_settings_in_every_section_resolve_the_tracer()
    {
        using var provider = Build(new()
        {
            ["ExecTracing:IncludeExits"] = "true",
            ["ExecTracing:ProcConnector:RealtimePriority"] = "0",
            ["ExecTracing:DarwinPolling:Interval"] = "00:00:01",
        });

        Assert.Equal(TracerState.Stopped, provider.GetRequiredService<ExecTracer>().State);
    }
}
