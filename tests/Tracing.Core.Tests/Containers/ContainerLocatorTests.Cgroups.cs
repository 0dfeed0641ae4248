using Tracing.Containers;
using Tracing.Core.Tests.Fakes;
using Tracing.Ports;
using static Tracing.Core.Tests.Fakes.ContainerCgroups;

namespace Tracing.Core.Tests.Containers;

/// <summary>Finding a container by id in the processes' cgroups, when no engine knows it.</summary>
public sealed partial class ContainerLocatorTests
{
    [Fact]
    public async Task An_id_prefix_with_no_engine_to_answer_is_found_in_the_cgroups()
    {
        _engine.Answer = (_, _) => Task.FromException<ContainerRecord?>(new ContainerLookupException(ContainerLookupFailure.NoEngine, "no socket"));
        AddContainer(s_web, init: 300, PodmanCgroupfs);

        var (container, initPid) = await Locate("a1b2c3");

        Assert.Equal(s_web, container.Id);
        Assert.Null(container.Name);
        Assert.Equal("podman", container.Engine);
        Assert.Equal(300, initPid);
    }

    [Theory]
    [InlineData("docker")]
    [InlineData("docker-systemd")]
    [InlineData("podman-systemd")]
    public async Task An_id_found_in_the_cgroups_has_the_engine_its_shape_names(string shape)
    {
        Func<string, CgroupMembership[]> cgroups = shape switch
        {
            "docker" => DockerCgroupfs,
            "docker-systemd" => DockerSystemd,
            _ => PodmanSystemd,
        };
        AddContainer(s_web, init: 300, cgroups);

        var (container, initPid) = await new ContainerLocator(_processes.Reader, engine: null).FindRunningAsync(s_web, CancellationToken.None);

        Assert.Equal(s_web, container.Id);
        Assert.Null(container.Name);
        Assert.Equal(shape.Split('-')[0], container.Engine);
        Assert.Equal(300, initPid);
    }

    [Fact]
    public async Task An_id_prefix_the_engine_does_not_know_is_found_in_the_cgroups()
    {
        // A Kubernetes pod's container: the engine that answers is not the one that runs it.
        AddContainer(s_web, init: 300, PodmanCgroupfs);

        var (container, initPid) = await Locate("a1b2c3");

        Assert.Equal(s_web, container.Id);
        Assert.Equal(300, initPid);
    }

    [Fact]
    public async Task An_uppercase_id_prefix_is_found_as_lowercase()
    {
        AddContainer(s_web, init: 300, PodmanCgroupfs);

        var (container, _) = await new ContainerLocator(_processes.Reader, engine: null).FindRunningAsync("A1B2C3", CancellationToken.None);

        Assert.Equal(s_web, container.Id);
    }

    [Fact]
    public async Task The_init_is_the_process_whose_namespace_pid_is_1_whatever_its_host_pid()
    {
        // The init is neither the lowest pid nor the first listed.
        _processes.Add(290, 299, "sh", "sh").Cgroups = PodmanCgroupfs(s_web);
        _processes.Get(290).NamespacePid = 7;
        _processes.Add(310, 299, "nginx", "nginx").Cgroups = PodmanCgroupfs(s_web);
        _processes.Get(310).NamespacePid = 1;
        _processes.Add(311, 310, "nginx", "nginx: worker").Cgroups = PodmanCgroupfs(s_web);
        _processes.Get(311).NamespacePid = 2;
        _processes.Add(299, 1, "conmon", "conmon").Cgroups = Conmon(s_web);

        var (_, initPid) = await new ContainerLocator(_processes.Reader, engine: null).FindRunningAsync("a1b2c3", CancellationToken.None);

        Assert.Equal(310, initPid);
    }

    [Fact]
    public async Task Without_a_pid_namespace_the_init_is_the_process_whose_parent_is_outside()
    {
        // --pid=host: namespace pids are host pids. 305 is the first process; 302 is its child with a lower pid (reuse).
        _processes.Add(299, 1, "conmon", "conmon").Cgroups = Conmon(s_web);
        _processes.Add(305, 299, "app", "app").Cgroups = PodmanCgroupfs(s_web);
        _processes.Add(302, 305, "worker", "worker").Cgroups = PodmanCgroupfs(s_web);
        _processes.Add(330, 305, "worker", "worker").Cgroups = PodmanCgroupfs(s_web);
        foreach (var pid in new[] { 299, 305, 302, 330 })
        {
            _processes.Get(pid).NamespacePid = pid;
        }

        var (_, initPid) = await new ContainerLocator(_processes.Reader, engine: null).FindRunningAsync("a1b2c3", CancellationToken.None);

        Assert.Equal(305, initPid);
    }

    [Fact]
    public async Task A_prefix_of_two_running_containers_is_ambiguous_and_names_both()
    {
        AddContainer(s_web, init: 300, PodmanCgroupfs);
        AddContainer(s_db, init: 400, DockerCgroupfs);

        var error = await Assert.ThrowsAsync<ContainerLookupException>(
            () => new ContainerLocator(_processes.Reader, engine: null).FindRunningAsync("a1b2", CancellationToken.None));

        Assert.Equal(ContainerLookupFailure.Ambiguous, error.Failure);
        Assert.Contains(s_web[..12], error.Message, StringComparison.Ordinal);
        Assert.Contains(s_db[..12], error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_longer_prefix_picks_one_of_them()
    {
        AddContainer(s_web, init: 300, PodmanCgroupfs);
        AddContainer(s_db, init: 400, DockerCgroupfs);

        var (container, initPid) = await new ContainerLocator(_processes.Reader, engine: null).FindRunningAsync("a1b2f", CancellationToken.None);

        Assert.Equal((s_db, 400), (container.Id, initPid));
    }

    [Fact]
    public async Task A_prefix_no_process_is_in_is_not_found()
    {
        AddContainer(s_web, init: 300, PodmanCgroupfs);

        var error = await Assert.ThrowsAsync<ContainerLookupException>(
            () => new ContainerLocator(_processes.Reader, engine: null).FindRunningAsync("beef", CancellationToken.None));

        Assert.Equal(ContainerLookupFailure.NotFound, error.Failure);
        Assert.Contains("'beef'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_prefix_not_found_says_no_engine_could_be_asked_when_none_could()
    {
        _engine.Answer = (_, _) => Task.FromException<ContainerRecord?>(new ContainerLookupException(ContainerLookupFailure.NoEngine, "no socket at /run/podman/podman.sock"));

        var error = await Assert.ThrowsAsync<ContainerLookupException>(() => Locate("beef"));

        Assert.Equal(ContainerLookupFailure.NotFound, error.Failure);
        Assert.Contains("/run/podman/podman.sock", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Conmon_processes_carry_the_id_but_are_not_counted()
    {
        // Only conmon is left of a container that stopped: nothing runs in it.
        _processes.Add(299, 1, "conmon", "conmon").Cgroups = Conmon(s_web);

        var error = await Assert.ThrowsAsync<ContainerLookupException>(
            () => new ContainerLocator(_processes.Reader, engine: null).FindRunningAsync("a1b2c3", CancellationToken.None));

        Assert.Equal(ContainerLookupFailure.NotFound, error.Failure);
    }

    [Fact]
    public async Task Conmon_of_another_container_with_the_prefix_does_not_make_it_ambiguous()
    {
        AddContainer(s_web, init: 300, PodmanCgroupfs);
        _processes.Add(399, 1, "conmon", "conmon").Cgroups = Conmon(s_db);

        var (container, initPid) = await new ContainerLocator(_processes.Reader, engine: null).FindRunningAsync("a1b2", CancellationToken.None);

        Assert.Equal((s_web, 300), (container.Id, initPid));
    }

    [Fact]
    public async Task Processes_that_are_gone_while_looking_are_skipped()
    {
        AddContainer(s_web, init: 300, PodmanCgroupfs);
        _processes.Add(350, 300, "short", "short");

        var (container, initPid) = await new ContainerLocator(_processes.Reader, engine: null).FindRunningAsync("a1b2c3", CancellationToken.None);

        Assert.Equal((s_web, 300), (container.Id, initPid));
    }
}
