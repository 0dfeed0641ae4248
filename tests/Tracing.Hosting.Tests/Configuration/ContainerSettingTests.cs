using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Tracing.Filtering;
using Tracing.Linux;
using Tracing.Ports;
using Tracing.Tracer;

namespace Tracing.Hosting.Tests.Configuration;

/// <summary><c>ExecTracing:Container</c> (the <c>Container</c> scope) and the <c>ExecTracing:ContainerEngine</c> section.</summary>
public class ContainerSettingTests
{
    [Theory]
    [InlineData("web")]
    [InlineData("4c444b43fadd")]
    public void The_container_scope_traces_the_container_it_names(string container)
    {
        using var provider = ConfiguredProvider.Build(new() { ["ExecTracing:Scope"] = "Container", ["ExecTracing:Container"] = container });

        Assert.Equal(ExecTraceFilter.Container(container), provider.GetRequiredService<IOptions<ExecTracingOptions>>().Value.GetFilter());
    }

    [Theory]
    [InlineData("Container", null, "ExecTracing:Container must be set when ExecTracing:Scope is Container.")]
    [InlineData(null, "web", "ExecTracing:Scope must say which of ExecTracing:Pid, ExecTracing:Cgroup or ExecTracing:Container applies (ProcessTree, Cgroup or Container).")]
    [InlineData("Everything", "web", "ExecTracing:Container applies only when ExecTracing:Scope is Container; it is Everything.")]
    [InlineData("Container", "a/b", "ExecTracing:Container: A container name or id has no '/', space or control characters and is not '.' or '..'; got 'a/b'.")]
    [InlineData("Container", "..", "ExecTracing:Container: A container name or id has no '/', space or control characters and is not '.' or '..'; got '..'.")]
    public void A_container_setting_that_cannot_work_fails_naming_the_key(string? scope, string? container, string expected)
    {
        var message = ConfiguredProvider.FailureOf<ExecTracingOptions>(new() { ["ExecTracing:Scope"] = scope, ["ExecTracing:Container"] = container });

        Assert.Equal(expected, message);
    }

    [Fact]
    public void The_engine_section_is_bound_and_the_tracer_is_given_an_engine()
    {
        using var provider = ConfiguredProvider.Build(new()
        {
            ["ExecTracing:ContainerEngine:Socket"] = "/run/test/engine.sock",
            ["ExecTracing:ContainerEngine:Timeout"] = "00:00:00.250",
        });

        var options = provider.GetRequiredService<IOptions<ContainerEngineOptions>>().Value;
        Assert.Equal(("/run/test/engine.sock", TimeSpan.FromMilliseconds(250)), (options.Socket, options.Timeout));
        if (OperatingSystem.IsLinux())
        {
            Assert.NotNull(provider.GetService<IContainerEngine>());
        }
    }

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("00:06:00")]
    public void An_engine_timeout_out_of_range_fails_naming_the_key(string timeout)
    {
        var message = ConfiguredProvider.FailureOf<ContainerEngineOptions>(new() { ["ExecTracing:ContainerEngine:Timeout"] = timeout });

        Assert.Contains("ExecTracing:ContainerEngine:Timeout", message, StringComparison.Ordinal);
    }
}
