using Tracing.Containers;
using Tracing.Core.Tests.Fakes;
using Tracing.Ports;
using static Tracing.Core.Tests.Fakes.ContainerCgroups;

namespace Tracing.Core.Tests.Containers;

public sealed partial class ContainerDirectoryTests
{
    private static readonly TimeSpan s_shortWait = TimeSpan.FromMilliseconds(50);
    private static readonly string s_web = Id("a1b2c3d4e5f6");
    private static readonly string s_db = Id("ffee");

    private readonly FakeContainerEngine _engine = new FakeContainerEngine()
        .Add(new ContainerRecord(s_web, "web", "podman", Running: true, InitPid: 300))
        .Add(new ContainerRecord(s_db, "db", "docker", Running: true, InitPid: 400));

    [Fact]
    public void A_container_is_named_by_the_engine()
    {
        var directory = new ContainerDirectory(_engine, TimeSpan.FromSeconds(10));

        var container = directory.OfAnswered(PodmanSystemd(s_web));

        Assert.NotNull(container);
        Assert.Equal(s_web, container.Id);
        Assert.Equal("web", container.Name);
        Assert.Equal("podman", container.Engine);
    }

    [Fact]
    public void The_engine_is_asked_once_per_container_however_many_processes_and_paths()
    {
        var directory = new ContainerDirectory(_engine, TimeSpan.FromSeconds(10));

        // Its first process, an exec'd shell, a sub-cgroup, a v1 process's hierarchies; then another container.
        var web = new[]
        {
            PodmanSystemd(s_web),
            PodmanSystemd(s_web),
            [new("", $"/machine.slice/libpod-{s_web}.scope/container")],
            [new("cpu,cpuacct", $"/machine.slice/libpod-{s_web}.scope"), new("name=systemd", $"/machine.slice/libpod-{s_web}.scope")],
            PodmanCgroupfs(s_web),
        };
        var found = web.Select(directory.OfAnswered).ToList();
        var db = directory.OfAnswered(DockerCgroupfs(s_db));
        var dbAgain = directory.OfAnswered(DockerSystemd(s_db));

        Assert.All(found, c => Assert.Equal("web", c?.Name));
        Assert.Equal("db", db?.Name);
        Assert.Equal("db", dbAgain?.Name);
        Assert.Equal([s_web, s_db], _engine.Asked);
    }

    [Fact]
    public void A_host_process_has_no_container_and_the_engine_is_not_asked()
    {
        var directory = new ContainerDirectory(_engine, TimeSpan.FromSeconds(10));

        Assert.Null(directory.OfAnswered(Host));
        Assert.Null(directory.OfAnswered(Conmon(s_web)));
        Assert.Null(directory.OfAnswered([]));
        Assert.Empty(_engine.Asked);
    }

    [Fact]
    public void The_first_membership_that_names_a_container_gives_it()
    {
        var directory = new ContainerDirectory(_engine, TimeSpan.FromSeconds(10));

        var container = directory.OfAnswered([new("cpu", "/"), new("name=systemd", $"/system.slice/docker-{s_db}.scope"), new("", $"/docker/{s_web}")]);

        Assert.Equal(s_db, container?.Id);
    }

    [Fact]
    public void Without_an_engine_the_container_has_its_id_and_the_engine_its_shape_names()
    {
        var directory = new ContainerDirectory(engine: null, s_shortWait);

        var container = directory.OfAnswered(DockerSystemd(s_web));

        Assert.NotNull(container);
        Assert.Equal(s_web, container.Id);
        Assert.Null(container.Name);
        Assert.Equal("docker", container.Engine);
    }

    [Fact]
    public void A_container_the_engine_does_not_know_is_unnamed_and_not_asked_again()
    {
        var directory = new ContainerDirectory(new FakeContainerEngine(), s_shortWait);

        var first = directory.OfAnswered(DockerCgroupfs(s_web));
        var second = directory.OfAnswered(DockerSystemd(s_web));

        Assert.Equal((s_web, "docker"), (first?.Id, first?.Engine));
        Assert.Null(first?.Name);
        Assert.Same(first, second);
    }

    [Fact]
    public void An_engine_that_fails_leaves_the_container_unnamed_with_the_engine_of_the_shape_and_is_not_asked_again()
    {
        _engine.Answer = (_, _) => Task.FromException<ContainerRecord?>(new ContainerLookupException(ContainerLookupFailure.EngineError, "500 Internal Server Error"));
        var directory = new ContainerDirectory(_engine, TimeSpan.FromSeconds(10));

        var first = directory.OfAnswered(PodmanCgroupfs(s_web));
        var second = directory.OfAnswered(PodmanSystemd(s_web));

        Assert.NotNull(first);
        Assert.Equal(s_web, first.Id);
        Assert.Null(first.Name);
        Assert.Equal("podman", first.Engine);
        Assert.Same(first, second);
        Assert.Equal([s_web], _engine.Asked);
    }

    [Fact]
    public void An_engine_that_throws_before_its_task_is_treated_as_one_that_failed()
    {
        // A Task-returning method may throw instead of returning a faulted task; the receive thread must not die of it.
        _engine.Answer = (_, _) => throw new ContainerLookupException(ContainerLookupFailure.NoEngine, "no socket");
        var directory = new ContainerDirectory(_engine, TimeSpan.FromSeconds(10));

        var first = directory.OfAnswered(DockerCgroupfs(s_web));
        var second = directory.OfAnswered(DockerCgroupfs(s_web));

        Assert.NotNull(first);
        Assert.Null(first.Name);
        Assert.Equal("docker", first.Engine);
        Assert.Same(first, second);
        Assert.Equal([s_web], _engine.Asked);
    }

    [Fact]
    public void An_engine_that_never_answers_is_waited_for_within_the_bound()
    {
        var never = new TaskCompletionSource<ContainerRecord?>();
        _engine.Answer = (_, _) => never.Task;
        var directory = new ContainerDirectory(_engine, s_shortWait);

        var container = directory.OfAnswered(PodmanSystemd(s_web));

        Assert.NotNull(container);
        Assert.Equal(s_web, container.Id);
        Assert.Null(container.Name);
        Assert.Equal("podman", container.Engine);
    }

    [Fact]
    public void An_engine_that_gives_up_when_the_wait_is_over_is_unnamed()
    {
        _engine.Answer = async (_, cancellationToken) =>
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return null;
        };
        var directory = new ContainerDirectory(_engine, s_shortWait);

        var container = directory.OfAnswered(PodmanSystemd(s_web));

        Assert.Null(container?.Name);
        Assert.Equal("podman", container?.Engine);
    }

    [Fact]
    public void The_engines_answer_for_another_container_is_ignored()
    {
        // Asked by whole id, an engine that matched a prefix or a name would name the wrong container.
        _engine.Answer = (_, _) => Task.FromResult<ContainerRecord?>(new ContainerRecord(s_db, "db", "docker", Running: true, InitPid: 400));
        var directory = new ContainerDirectory(_engine, TimeSpan.FromSeconds(10));

        var container = directory.OfAnswered(PodmanSystemd(s_web));

        Assert.NotNull(container);
        Assert.Equal(s_web, container.Id);
        Assert.Null(container.Name);
        Assert.Equal("podman", container.Engine);
    }

    [Fact]
    public void A_container_that_stopped_is_still_named()
    {
        // An exec seen just before its container stopped: the engine still knows it.
        _engine.Answer = (_, _) => Task.FromResult<ContainerRecord?>(new ContainerRecord(s_web, "web", "podman", Running: false, InitPid: null));
        var directory = new ContainerDirectory(_engine, TimeSpan.FromSeconds(10));

        Assert.Equal("web", directory.OfAnswered(PodmanSystemd(s_web))?.Name);
    }
}
