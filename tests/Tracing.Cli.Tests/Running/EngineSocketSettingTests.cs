using Tracing.Cli.Running;

namespace Tracing.Cli.Tests.Running;

public class EngineSocketSettingTests
{
    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void An_empty_engine_socket_is_a_usage_error_not_the_default_sockets(string socket)
    {
        var error = Assert.Throws<UsageException>(() => FilterFactory.Create(new TraceSettings { Container = "web", EngineSocket = socket }));

        Assert.Contains("--engine-socket", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_given_engine_socket_is_taken_as_it_is()
    {
        var filter = FilterFactory.Create(new TraceSettings { Container = "web", EngineSocket = "/run/podman/podman.sock" });

        Assert.Equal(Tracing.Filtering.ExecTraceFilter.Container("web"), filter);
    }
}
