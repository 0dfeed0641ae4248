using System.Net;
using Tracing.Linux.Containers;

namespace Tracing.Linux.Tests.Containers;

/// <summary><see cref="DockerEngineClient"/> against fake engines that know containers.</summary>
public sealed class DockerEngineClientTests : EngineTestDirectory
{
    [Theory]
    [InlineData(true, "podman")]
    [InlineData(false, "docker")]
    public async Task Finds_a_container_by_name_and_names_the_engine_that_answered(bool podman, string engine)
    {
        var container = CannedContainer.RunningOne();
        await using var fake = new FakeEngine(SocketPath("engine.sock"), EngineAnswers.Knowing(podman, container, CannedContainer.StoppedOne()));
        using var client = Client(socket: fake.SocketPath);

        var found = await client.FindAsync(container.Name, CancellationToken.None);

        Assert.Equal(container.Expected(engine), found);
        Assert.Equal([$"/containers/{container.Name}/json", "/version"], fake.Paths);
        Assert.All(fake.Requests, line => Assert.EndsWith(" HTTP/1.1", line, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Podman_names_itself_on_every_answer_so_its_slow_version_is_not_asked()
    {
        var container = CannedContainer.RunningOne();
        var knowing = EngineAnswers.Knowing(podman: true, container);
        await using var fake = new FakeEngine(SocketPath("engine.sock"), path => knowing(path) is { } answer ? answer with { Headers = ["Libpod-Api-Version: 4.3.1"] } : null);
        using var client = Client(socket: fake.SocketPath);

        var found = await client.FindAsync(container.Name, CancellationToken.None);

        Assert.Equal(container.Expected("podman"), found);
        Assert.Equal([$"/containers/{container.Name}/json"], fake.Paths);
    }

    [Theory]
    [InlineData(64)]
    [InlineData(12)]
    [InlineData(3)]
    public async Task Finds_a_container_by_whole_id_or_prefix(int length)
    {
        var container = CannedContainer.RunningOne();
        await using var fake = new FakeEngine(SocketPath("engine.sock"), EngineAnswers.Knowing(podman: true, container));
        using var client = Client(socket: fake.SocketPath);

        var found = await client.FindAsync(container.Id[..length], CancellationToken.None);

        Assert.Equal(container.Expected("podman"), found);
    }

    [Fact]
    public async Task A_stopped_container_is_not_running_and_has_no_init_pid()
    {
        var container = CannedContainer.StoppedOne();
        await using var fake = new FakeEngine(SocketPath("engine.sock"), EngineAnswers.Knowing(podman: false, container));
        using var client = Client(socket: fake.SocketPath);

        var found = await client.FindAsync(container.Name, CancellationToken.None);

        Assert.NotNull(found);
        Assert.False(found.Running);
        Assert.Null(found.InitPid);
        Assert.Equal(container.Expected("docker"), found);
    }

    [Fact]
    public async Task The_engine_name_is_asked_once_per_socket()
    {
        var (a, b) = (CannedContainer.RunningOne("a"), CannedContainer.RunningOne("b"));
        await using var fake = new FakeEngine(SocketPath("engine.sock"), EngineAnswers.Knowing(podman: true, a, b));
        using var client = Client(socket: fake.SocketPath);

        Assert.Equal(a.Expected("podman"), await client.FindAsync("a", CancellationToken.None));
        Assert.Equal(b.Expected("podman"), await client.FindAsync("b", CancellationToken.None));

        Assert.Equal(["/containers/a/json", "/version", "/containers/b/json"], fake.Paths);
    }

    [Fact]
    public async Task An_engine_that_will_not_say_what_it_is_is_docker()
    {
        var container = CannedContainer.RunningOne();
        var knowing = EngineAnswers.Knowing(podman: true, container);
        await using var fake = new FakeEngine(SocketPath("engine.sock"), path => path == "/version" ? null : knowing(path));
        using var client = Client(socket: fake.SocketPath);

        Assert.Equal(container.Expected("docker"), await client.FindAsync(container.Name, CancellationToken.None));
    }

    [Fact]
    public async Task A_container_no_engine_knows_is_null()
    {
        await using var fake = new FakeEngine(SocketPath("engine.sock"), EngineAnswers.Knowing(podman: true, CannedContainer.RunningOne()));
        using var client = Client(socket: fake.SocketPath);

        Assert.Null(await client.FindAsync("nothing-by-this-name", CancellationToken.None));
        Assert.Equal(["/containers/nothing-by-this-name/json"], fake.Paths);
    }

    [Fact]
    public async Task Not_found_at_the_first_default_socket_then_found_at_the_second()
    {
        var container = CannedContainer.RunningOne();
        await using var docker = new FakeEngine(SocketPath("docker.sock"), EngineAnswers.Knowing(podman: false, CannedContainer.RunningOne("other")));
        await using var podman = new FakeEngine(SocketPath("podman.sock"), EngineAnswers.Knowing(podman: true, container));
        using var client = Client(defaults: [docker.SocketPath, podman.SocketPath]);

        var found = await client.FindAsync(container.Name, CancellationToken.None);

        Assert.Equal(container.Expected("podman"), found);
        Assert.Equal([$"/containers/{container.Name}/json"], docker.Paths);
    }

    [Fact]
    public async Task The_first_default_socket_that_knows_the_container_wins()
    {
        var container = CannedContainer.RunningOne();
        await using var docker = new FakeEngine(SocketPath("docker.sock"), EngineAnswers.Knowing(podman: false, container));
        await using var podman = new FakeEngine(SocketPath("podman.sock"), EngineAnswers.Knowing(podman: true, container));
        using var client = Client(defaults: [SocketPath("missing.sock"), docker.SocketPath, podman.SocketPath]);

        Assert.Equal(container.Expected("docker"), await client.FindAsync(container.Name, CancellationToken.None));
        Assert.Empty(podman.Requests);
    }

    [Fact]
    public async Task An_engine_error_at_one_default_socket_does_not_hide_the_container_at_the_next()
    {
        var container = CannedContainer.RunningOne();
        await using var broken = new FakeEngine(SocketPath("docker.sock"), _ => EngineAnswers.DockerError(HttpStatusCode.InternalServerError, "boom"));
        await using var podman = new FakeEngine(SocketPath("podman.sock"), EngineAnswers.Knowing(podman: true, container));
        using var client = Client(defaults: [broken.SocketPath, podman.SocketPath]);

        Assert.Equal(container.Expected("podman"), await client.FindAsync(container.Name, CancellationToken.None));
    }

    [Fact]
    public async Task DOCKER_HOST_unix_names_the_only_socket_asked()
    {
        var container = CannedContainer.RunningOne();
        await using var chosen = new FakeEngine(SocketPath("chosen.sock"), EngineAnswers.Knowing(podman: false, container));
        await using var fallback = new FakeEngine(SocketPath("default.sock"), EngineAnswers.Knowing(podman: true, container));
        using var client = Client(dockerHost: "unix://" + chosen.SocketPath, defaults: [fallback.SocketPath]);

        Assert.Equal(container.Expected("docker"), await client.FindAsync(container.Name, CancellationToken.None));
        Assert.Empty(fallback.Requests);
    }

    [Fact]
    public async Task The_socket_in_the_options_wins_over_DOCKER_HOST()
    {
        var container = CannedContainer.RunningOne();
        await using var chosen = new FakeEngine(SocketPath("chosen.sock"), EngineAnswers.Knowing(podman: true, container));
        await using var fromEnvironment = new FakeEngine(SocketPath("env.sock"), EngineAnswers.Knowing(podman: false, container));
        using var client = Client(socket: chosen.SocketPath, dockerHost: "unix://" + fromEnvironment.SocketPath);

        Assert.Equal(container.Expected("podman"), await client.FindAsync(container.Name, CancellationToken.None));
        Assert.Empty(fromEnvironment.Requests);
    }

    [Theory]
    [InlineData("a?b", "/containers/a%3Fb/json")]
    [InlineData("a#b", "/containers/a%23b/json")]
    [InlineData("a b%", "/containers/a%20b%25/json")]
    [InlineData("web.1_x-y", "/containers/web.1_x-y/json")]
    public async Task The_reference_is_escaped_in_the_path(string reference, string path)
    {
        await using var fake = new FakeEngine(SocketPath("engine.sock"), EngineAnswers.Knowing(podman: false));
        using var client = Client(socket: fake.SocketPath);

        Assert.Null(await client.FindAsync(reference, CancellationToken.None));
        Assert.Equal([path], fake.Paths);
    }
}
