using System.Net;
using System.Security.Cryptography;
using Tracing.Linux.Containers;
using Tracing.Ports;

namespace Tracing.Linux.Tests.Containers;

/// <summary><see cref="DockerEngineClient"/> when an engine answers what it cannot use, and for references it refuses.</summary>
public sealed class DockerEngineClientFailureTests : EngineTestDirectory
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_id_prefix_of_several_containers_is_ambiguous_and_stops_the_search(bool podman)
    {
        var first = CannedContainer.RunningOne("first");
        var second = first with { Id = first.Id[..4] + RandomNumberGenerator.GetHexString(60, lowercase: true), Name = "second" };
        await using var fake = new FakeEngine(SocketPath("engine.sock"), EngineAnswers.Knowing(podman, first, second));
        await using var next = new FakeEngine(SocketPath("next.sock"), EngineAnswers.Knowing(podman: false, first));
        using var client = Client(defaults: [fake.SocketPath, next.SocketPath]);

        var e = await Assert.ThrowsAsync<ContainerLookupException>(() => client.FindAsync(first.Id[..4], CancellationToken.None));

        Assert.Equal(ContainerLookupFailure.Ambiguous, e.Failure);
        Assert.Contains($"'{first.Id[..4]}'", e.Message, StringComparison.Ordinal);
        Assert.Contains(fake.SocketPath, e.Message, StringComparison.Ordinal);
        Assert.Empty(next.Requests);
    }

    [Theory]
    [InlineData("{\"Id\": ")]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("{\"Id\": \"0123\", \"Name\": \"/web\"}")]
    [InlineData("")]
    public async Task An_answer_that_is_not_a_container_is_an_engine_error(string body)
    {
        await using var fake = new FakeEngine(SocketPath("engine.sock"), path => path == "/version" ? EngineAnswers.Version(podman: false) : FakeAnswer.Ok(body));
        using var client = Client(socket: fake.SocketPath);

        var e = await Assert.ThrowsAsync<ContainerLookupException>(() => client.FindAsync("web", CancellationToken.None));

        Assert.Equal(ContainerLookupFailure.EngineError, e.Failure);
        Assert.Contains(fake.SocketPath, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ABCDEF")]
    [InlineData("short")]
    [InlineData("sha256:")]
    public async Task An_id_that_is_not_64_lowercase_hex_digits_is_an_engine_error(string how)
    {
        var canned = CannedContainer.RunningOne();
        var id = how switch
        {
            "ABCDEF" => canned.Id.ToUpperInvariant(),
            "short" => canned.Id[..12],
            _ => how + canned.Id,
        };
        await using var fake = new FakeEngine(SocketPath("engine.sock"), EngineAnswers.Knowing(podman: false, canned with { Id = id }));
        using var client = Client(socket: fake.SocketPath);

        var e = await Assert.ThrowsAsync<ContainerLookupException>(() => client.FindAsync(canned.Name, CancellationToken.None));

        Assert.Equal(ContainerLookupFailure.EngineError, e.Failure);
        Assert.Contains(id, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_engine_error_answer_is_an_engine_error_with_its_message()
    {
        var message = "cannot inspect " + Guid.NewGuid();
        await using var fake = new FakeEngine(SocketPath("engine.sock"), _ => EngineAnswers.DockerError(HttpStatusCode.InternalServerError, message));
        using var client = Client(defaults: [fake.SocketPath]);

        var e = await Assert.ThrowsAsync<ContainerLookupException>(() => client.FindAsync("web", CancellationToken.None));

        Assert.Equal(ContainerLookupFailure.EngineError, e.Failure);
        Assert.Contains("500", e.Message, StringComparison.Ordinal);
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("/web")]
    [InlineData("../version")]
    [InlineData("..")]
    [InlineData(".")]
    [InlineData("web\n")]
    [InlineData("we\u0000b")]
    [InlineData("")]
    public async Task A_reference_that_cannot_be_a_name_or_id_is_refused_before_asking(string reference)
    {
        await using var fake = new FakeEngine(SocketPath("engine.sock"), EngineAnswers.Knowing(podman: true));
        using var client = Client(socket: fake.SocketPath);

        await Assert.ThrowsAsync<ArgumentException>(() => client.FindAsync(reference, CancellationToken.None));
        Assert.Empty(fake.Requests);
    }
}
