using System.Diagnostics;
using Tracing.Linux.Containers;
using Tracing.Ports;

namespace Tracing.Linux.Tests.Containers;

/// <summary><see cref="DockerEngineClient"/> when no engine can be asked: missing, refused, slow, or not a Unix socket.</summary>
public sealed class DockerEngineClientNoEngineTests : EngineTestDirectory
{
    [Fact]
    public async Task No_socket_at_all_is_no_engine_naming_each_path_tried()
    {
        string[] defaults = [SocketPath("docker.sock"), SocketPath("podman.sock")];
        using var client = Client(defaults: defaults);

        var e = await Assert.ThrowsAsync<ContainerLookupException>(() => client.FindAsync("web", CancellationToken.None));

        Assert.Equal(ContainerLookupFailure.NoEngine, e.Failure);
        Assert.All(defaults, path => Assert.Contains($"{path}: missing", e.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_socket_nobody_listens_on_is_refused_and_named()
    {
        var dead = DeadSocket("dead.sock");
        using var client = Client(defaults: [dead, SocketPath("missing.sock")]);

        var e = await Assert.ThrowsAsync<ContainerLookupException>(() => client.FindAsync("web", CancellationToken.None));

        Assert.Equal(ContainerLookupFailure.NoEngine, e.Failure);
        Assert.Contains($"{dead}: connection refused", e.Message, StringComparison.Ordinal);
        Assert.Contains($"{SocketPath("missing.sock")}: missing", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_chosen_socket_that_is_missing_is_no_engine()
    {
        using var client = Client(socket: SocketPath("chosen.sock"));

        var e = await Assert.ThrowsAsync<ContainerLookupException>(() => client.FindAsync("web", CancellationToken.None));

        Assert.Equal(ContainerLookupFailure.NoEngine, e.Failure);
        Assert.Contains($"{SocketPath("chosen.sock")}: missing", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_engine_that_answered_makes_an_unknown_container_null_not_no_engine()
    {
        await using var fake = new FakeEngine(SocketPath("podman.sock"), EngineAnswers.Knowing(podman: true));
        using var client = Client(defaults: [DeadSocket("dead.sock"), fake.SocketPath]);

        Assert.Null(await client.FindAsync("web", CancellationToken.None));
    }

    [Theory]
    [InlineData("tcp://127.0.0.1:2375")]
    [InlineData("ssh://user@host")]
    [InlineData("unix://")]
    public async Task DOCKER_HOST_other_than_a_unix_socket_is_refused_with_why(string dockerHost)
    {
        await using var fallback = new FakeEngine(SocketPath("default.sock"), EngineAnswers.Knowing(podman: true, CannedContainer.RunningOne()));
        using var client = Client(dockerHost: dockerHost, defaults: [fallback.SocketPath]);

        var e = await Assert.ThrowsAsync<ContainerLookupException>(() => client.FindAsync("web", CancellationToken.None));

        Assert.Equal(ContainerLookupFailure.NoEngine, e.Failure);
        Assert.Contains(dockerHost, e.Message, StringComparison.Ordinal);
        Assert.Contains("only unix://", e.Message, StringComparison.Ordinal);
        Assert.Empty(fallback.Requests);
    }

    [Fact]
    public async Task A_slow_engine_is_no_engine_within_the_timeout()
    {
        await using var slow = new FakeEngine(SocketPath("slow.sock"), EngineAnswers.Knowing(podman: true, CannedContainer.RunningOne()))
        {
            Delay = TimeSpan.FromSeconds(30),
        };
        using var client = Client(socket: slow.SocketPath, timeout: TimeSpan.FromMilliseconds(300));
        var started = Stopwatch.GetTimestamp();

        var e = await Assert.ThrowsAsync<ContainerLookupException>(() => client.FindAsync("web", CancellationToken.None));

        Assert.Equal(ContainerLookupFailure.NoEngine, e.Failure);
        Assert.Contains($"{slow.SocketPath}: no answer within 0.3 s", e.Message, StringComparison.Ordinal);
        Assert.InRange(Stopwatch.GetElapsedTime(started), TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Cancellation_ends_a_lookup_at_once_as_cancelled()
    {
        await using var slow = new FakeEngine(SocketPath("slow.sock"), EngineAnswers.Knowing(podman: true))
        {
            Delay = TimeSpan.FromSeconds(30),
        };
        using var client = Client(socket: slow.SocketPath, timeout: TimeSpan.FromSeconds(60));
        using var cancel = new CancellationTokenSource();

        // Cancelled once the engine has the request and sits on it (not after a fixed time, which a loaded machine may
        // spend before the request is even sent).
        var lookup = client.FindAsync("web", cancel.Token);
        await slow.FirstRequest.WaitAsync(TimeSpan.FromSeconds(30));
        var started = Stopwatch.GetTimestamp();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => lookup);
        Assert.InRange(Stopwatch.GetElapsedTime(started), TimeSpan.Zero, TimeSpan.FromSeconds(10));
        Assert.Single(slow.Requests);
    }

    [Fact]
    public async Task A_cancelled_token_asks_nothing()
    {
        await using var fake = new FakeEngine(SocketPath("engine.sock"), EngineAnswers.Knowing(podman: true));
        using var client = Client(socket: fake.SocketPath);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.FindAsync("web", new CancellationToken(canceled: true)));
        Assert.Empty(fake.Requests);
    }
}
