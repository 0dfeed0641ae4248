using Tracing.Linux.Containers;
using Tracing.Ports;

namespace Tracing.Linux.Tests.Containers;

public sealed class ContainerEngineSocketsTests
{
    private static readonly string[] s_defaults = ["/test/docker.sock", "/test/podman.sock"];

    [Fact]
    public void The_defaults_are_Dockers_then_podmans_root_socket()
    {
        Assert.Equal(["/var/run/docker.sock", "/run/podman/podman.sock"], ContainerEngineSockets.Defaults);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Without_a_choice_every_default_is_asked_in_order(string? dockerHost)
    {
        var plan = ContainerEngineSockets.Resolve(new ContainerEngineOptions(), Environment(dockerHost), s_defaults);

        Assert.Equal(s_defaults, plan.Paths);
        Assert.False(plan.IsChosen);
        Assert.All(s_defaults, path => Assert.Contains(path, plan.Description, StringComparison.Ordinal));
    }

    [Fact]
    public void The_socket_in_the_options_wins_over_DOCKER_HOST()
    {
        var plan = ContainerEngineSockets.Resolve(new ContainerEngineOptions { Socket = "/x/chosen.sock" }, Environment("tcp://h:1"), s_defaults);

        Assert.Equal(["/x/chosen.sock"], plan.Paths);
        Assert.True(plan.IsChosen);
    }

    [Theory]
    [InlineData("unix:///var/run/other.sock", "/var/run/other.sock")]
    [InlineData("unix://relative.sock", "relative.sock")]
    public void DOCKER_HOST_unix_is_the_only_socket(string dockerHost, string path)
    {
        var plan = ContainerEngineSockets.Resolve(new ContainerEngineOptions(), Environment(dockerHost), s_defaults);

        Assert.Equal([path], plan.Paths);
        Assert.Contains("DOCKER_HOST", plan.Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tcp://127.0.0.1:2375")]
    [InlineData("npipe:////./pipe/docker_engine")]
    [InlineData("/var/run/docker.sock")]
    [InlineData("UNIX:///var/run/docker.sock")]
    public void DOCKER_HOST_of_another_scheme_is_no_engine_and_Describe_says_why(string dockerHost)
    {
        var e = Assert.Throws<ContainerLookupException>(
            () => ContainerEngineSockets.Resolve(new ContainerEngineOptions(), Environment(dockerHost), s_defaults));

        Assert.Equal(ContainerLookupFailure.NoEngine, e.Failure);
        Assert.Contains(dockerHost, e.Message, StringComparison.Ordinal);
        Assert.Equal(e.Message, ContainerEngineSockets.Describe(new ContainerEngineOptions(), Environment(dockerHost)));
    }

    [Fact]
    public void Describe_names_the_chosen_socket()
    {
        Assert.Contains("/x/chosen.sock", ContainerEngineSockets.Describe(new ContainerEngineOptions { Socket = "/x/chosen.sock" }), StringComparison.Ordinal);
    }

    private static Func<string, string?> Environment(string? dockerHost) =>
        name => name == ContainerEngineSockets.DockerHostVariable ? dockerHost : null;
}
