using Tracing.Containers;
using Tracing.Core.Tests.Fakes;
using Tracing.Ports;
using static Tracing.Core.Tests.Fakes.ContainerCgroups;

namespace Tracing.Core.Tests.Containers;

public sealed partial class ContainerLocatorTests
{
    private static readonly string s_web = Id("a1b2c3d4e5f6");
    private static readonly string s_db = Id("a1b2ff");

    private readonly ProcessTable _processes = new(100);
    private readonly FakeContainerEngine _engine = new();

    public ContainerLocatorTests()
    {
        _processes.Add(1, 0, "systemd", "/sbin/init").Cgroups = [new("", "/init.scope")];
        _processes.Add(100, 1, "exectrace", "exectrace").Cgroups = Host;
    }

    [Fact]
    public async Task The_engine_finds_a_running_container_by_name()
    {
        _engine.Add(new ContainerRecord(s_web, "web", "podman", Running: true, InitPid: 300));

        var (container, initPid) = await Locate("web");

        Assert.Equal(s_web, container.Id);
        Assert.Equal("web", container.Name);
        Assert.Equal("podman", container.Engine);
        Assert.Equal(300, initPid);
        Assert.Equal(["web"], _engine.Asked);
    }

    [Fact]
    public async Task The_engine_is_believed_over_the_cgroups()
    {
        _engine.Add(new ContainerRecord(s_web, "web", "docker", Running: true, InitPid: 300));
        AddContainer(s_web, init: 400, PodmanCgroupfs);

        var (container, initPid) = await Locate("a1b2c3");

        Assert.Equal("web", container.Name);
        Assert.Equal("docker", container.Engine);
        Assert.Equal(300, initPid);
    }

    [Fact]
    public async Task A_container_the_engine_knows_but_that_does_not_run_is_not_running()
    {
        _engine.Add(new ContainerRecord(s_web, "web", "docker", Running: false, InitPid: null));

        var error = await Assert.ThrowsAsync<ContainerLookupException>(() => Locate("web"));

        Assert.Equal(ContainerLookupFailure.NotRunning, error.Failure);
        Assert.Contains("web", error.Message, StringComparison.Ordinal);
        Assert.Contains("a1b2c3d4e5f6", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_running_record_without_an_init_pid_is_not_running()
    {
        _engine.Add(new ContainerRecord(s_web, "web", "docker", Running: true, InitPid: null));

        var error = await Assert.ThrowsAsync<ContainerLookupException>(() => Locate("web"));

        Assert.Equal(ContainerLookupFailure.NotRunning, error.Failure);
    }

    [Fact]
    public async Task A_name_the_engine_does_not_know_is_not_found()
    {
        _engine.Add(new ContainerRecord(s_web, "web", "docker", Running: true, InitPid: 300));

        var error = await Assert.ThrowsAsync<ContainerLookupException>(() => Locate("cache"));

        Assert.Equal(ContainerLookupFailure.NotFound, error.Failure);
        Assert.Contains("'cache'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_name_with_no_engine_to_answer_is_NoEngine()
    {
        var noEngine = new ContainerLookupException(ContainerLookupFailure.NoEngine, "no socket at /run/docker.sock");
        _engine.Answer = (_, _) => Task.FromException<ContainerRecord?>(noEngine);

        var error = await Assert.ThrowsAsync<ContainerLookupException>(() => Locate("web"));

        Assert.Equal(ContainerLookupFailure.NoEngine, error.Failure);
        Assert.Contains("/run/docker.sock", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_name_with_no_engine_configured_is_NoEngine()
    {
        var error = await Assert.ThrowsAsync<ContainerLookupException>(
            () => new ContainerLocator(_processes.Reader, engine: null).FindRunningAsync("web", CancellationToken.None));

        Assert.Equal(ContainerLookupFailure.NoEngine, error.Failure);
        Assert.Contains("'web'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_engine_error_other_than_NoEngine_is_not_hidden_by_the_cgroups()
    {
        AddContainer(s_web, init: 300, PodmanCgroupfs);
        _engine.Answer = (_, _) => Task.FromException<ContainerRecord?>(new ContainerLookupException(ContainerLookupFailure.EngineError, "500"));

        var error = await Assert.ThrowsAsync<ContainerLookupException>(() => Locate("a1b2c3"));

        Assert.Equal(ContainerLookupFailure.EngineError, error.Failure);
    }

    private Task<(Tracing.Events.ContainerInfo Container, int InitPid)> Locate(string reference) =>
        new ContainerLocator(_processes.Reader, _engine).FindRunningAsync(reference, CancellationToken.None);

    // A container's first process (namespace pid 1) under its conmon, and a child of it.
    private void AddContainer(string id, int init, Func<string, CgroupMembership[]> cgroups)
    {
        _processes.Add(init - 1, 1, "conmon", "conmon").Cgroups = Conmon(id);
        var first = _processes.Add(init, init - 1, "init", "/init");
        first.Cgroups = cgroups(id);
        first.NamespacePid = 1;
        var child = _processes.Add(init + 1, init, "sh", "sh");
        child.Cgroups = cgroups(id);
        child.NamespacePid = 2;
    }
}
