using Tracing.Linux;
using Tracing.Linux.Containers;
using Tracing.Ports;

namespace Tracing.Kernel.Tests.Containers;

/// <summary>
/// <see cref="DockerEngineClient"/> against a real podman API service on a private socket, with containers of its own.
/// What the client returns is compared with what podman's command line says. Fails, never skips, without podman.
/// </summary>
public sealed class EngineClientTests(EngineTestService podman) : IClassFixture<EngineTestService>
{
    [Fact]
    public async Task Finds_a_running_container_by_name()
    {
        var (id, running, pid) = await EngineTestService.InspectAsync(podman.RunningName);
        using var client = Client();

        var found = await client.FindAsync(podman.RunningName, CancellationToken.None);

        Assert.True(running);
        Assert.Equal(new ContainerRecord(id, podman.RunningName, "podman", true, pid), found);
        Assert.True(Directory.Exists($"/proc/{pid}"), $"the init pid {pid} is not a process of this machine");
    }

    [Theory]
    [InlineData(12)]
    [InlineData(64)]
    public async Task Finds_a_container_by_id_or_id_prefix(int length)
    {
        var (id, _, pid) = await EngineTestService.InspectAsync(podman.RunningName);
        using var client = Client();

        var found = await client.FindAsync(id[..length], CancellationToken.None);

        Assert.Equal(new ContainerRecord(id, podman.RunningName, "podman", true, pid), found);
    }

    [Fact]
    public async Task A_stopped_container_is_not_running_and_has_no_init_pid()
    {
        var (id, running, _) = await EngineTestService.InspectAsync(podman.StoppedName);
        using var client = Client();

        var found = await client.FindAsync(podman.StoppedName, CancellationToken.None);

        Assert.False(running);
        Assert.Equal(new ContainerRecord(id, podman.StoppedName, "podman", false, null), found);
    }

    [Fact]
    public async Task A_name_podman_does_not_know_is_null()
    {
        using var client = Client();

        Assert.Null(await client.FindAsync(podman.RunningName + "-none", CancellationToken.None));
    }

    [Fact]
    public async Task A_prefix_of_two_containers_ids_is_ambiguous()
    {
        // 17 ids hold two with the same first hex digit; ours are enough whatever else the machine runs.
        var ids = new List<string> { (await EngineTestService.InspectAsync(podman.RunningName)).Id, (await EngineTestService.InspectAsync(podman.StoppedName)).Id };
        while (ids.GroupBy(id => id[0]).All(g => g.Count() < 2))
        {
            ids.Add(await podman.CreateAsync("prefix" + ids.Count));
        }

        var prefix = ids.GroupBy(id => id[0]).First(g => g.Count() > 1).Key.ToString();
        using var client = Client();

        var e = await Assert.ThrowsAsync<ContainerLookupException>(() => client.FindAsync(prefix, CancellationToken.None));

        Assert.Equal(ContainerLookupFailure.Ambiguous, e.Failure);
    }

    [Fact]
    public async Task DOCKER_HOST_names_the_service()
    {
        var (id, _, pid) = await EngineTestService.InspectAsync(podman.RunningName);
        using var client = new DockerEngineClient(new ContainerEngineOptions(), name => name == "DOCKER_HOST" ? "unix://" + podman.SocketPath : null);

        Assert.Equal(new ContainerRecord(id, podman.RunningName, "podman", true, pid), await client.FindAsync(podman.RunningName, CancellationToken.None));
    }

    private DockerEngineClient Client() =>
        new(new ContainerEngineOptions { Socket = podman.SocketPath, Timeout = TimeSpan.FromSeconds(10) }, _ => null);
}
