using Tracing.Containers;
using Tracing.Core.Tests.Fakes;
using Tracing.Ports;
using static Tracing.Core.Tests.Fakes.ContainerCgroups;

namespace Tracing.Core.Tests.Containers;

/// <summary>The receive thread never waits for an engine.</summary>
public sealed partial class ContainerDirectoryTests
{
    [Fact]
    public void The_lookup_never_waits_for_the_engine_the_container_is_unnamed_until_it_answers()
    {
        var answer = new TaskCompletionSource<ContainerRecord?>();
        var engine = NSubstitute.Substitute.For<IContainerEngine>();
        NSubstitute.SubstituteExtensions.Returns(engine.FindAsync(s_web, NSubstitute.Arg.Any<CancellationToken>()), answer.Task);
        var directory = new ContainerDirectory(engine, TimeSpan.FromMinutes(5));

        var container = directory.Of(PodmanSystemd(s_web), out var naming);

        Assert.NotNull(naming);
        Assert.False(naming.IsCompleted);
        Assert.Equal((s_web, null, "podman"), (container!.Id, container.Name, container.Engine));
        Assert.Null(directory.Of(PodmanSystemd(s_web), out var again)?.Name);
        Assert.Null(again);

        answer.SetResult(new ContainerRecord(s_web, "web", "podman", Running: true, InitPid: 300));
        ((IAsyncResult)naming).AsyncWaitHandle.WaitOne(TimeSpan.FromSeconds(30));
        directory.Named(s_web, naming);

        Assert.Equal("web", directory.Current(container).Name);
        Assert.Equal("web", directory.Of(PodmanSystemd(s_web), out _)?.Name);
    }

    [Fact]
    public void An_engine_that_failed_to_answer_is_asked_again_later_and_names_it_then()
    {
        var failFirst = true;
        var engine = new FakeContainerEngine().Add(new ContainerRecord(s_web, "web", "podman", Running: true, InitPid: 300));
        engine.Answer = (reference, _) => failFirst
            ? Task.FromException<ContainerRecord?>(new ContainerLookupException(ContainerLookupFailure.NoEngine, "busy"))
            : Task.FromResult<ContainerRecord?>(new ContainerRecord(s_web, "web", "podman", Running: true, InitPid: 300));
        var directory = new ContainerDirectory(engine, s_shortWait, retryAfter: TimeSpan.Zero);

        Assert.Null(directory.OfAnswered(PodmanSystemd(s_web))?.Name);
        failFirst = false;

        Assert.Equal("web", directory.OfAnswered(PodmanSystemd(s_web))?.Name);
        Assert.Equal(2, engine.Asked.Count);
    }

    [Fact]
    public void A_container_the_engine_does_not_know_is_not_asked_about_again()
    {
        var engine = new FakeContainerEngine();
        var directory = new ContainerDirectory(engine, s_shortWait, retryAfter: TimeSpan.Zero);

        Assert.Null(directory.OfAnswered(PodmanSystemd(s_web))?.Name);
        Assert.Null(directory.OfAnswered(PodmanCgroupfs(s_web))?.Name);

        Assert.Single(engine.Asked);
    }
}
