using Tracing.Core.Tests.Fakes;
using Tracing.Events;
using Tracing.Filtering;
using Tracing.Ports;
using static Tracing.Core.Tests.Fakes.ContainerCgroups;

namespace Tracing.Core.Tests.Filtering;

public sealed class ContainerFilterTests
{
    private static readonly string s_web = Id("a1b2c3d4e5f6");

    [Theory]
    [InlineData("web")]
    [InlineData("my_app.1-blue")]
    [InlineData("a1b2c3")]
    public void A_name_or_id_is_valid(string nameOrId)
    {
        ExecTraceFilter.Container(nameOrId).Validate();
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("/web")]
    [InlineData("web app")]
    [InlineData("web\n")]
    [InlineData("web\0")]
    public void An_empty_name_or_one_with_a_slash_space_or_control_character_is_invalid(string nameOrId)
    {
        Assert.Throws<ArgumentException>(() => ExecTraceFilter.Container(nameOrId).Validate());
    }

    [Fact]
    public async Task Resolving_finds_the_running_container_and_its_init()
    {
        var engine = new FakeContainerEngine().Add(new ContainerRecord(s_web, "web", "docker", Running: true, InitPid: 300));

        var resolved = await ExecTraceFilter.Container("web").ResolveAsync(new ProcessTable(100).Reader, engine, CancellationToken.None);

        var running = Assert.IsType<RunningContainerFilter>(resolved);
        Assert.Equal(new ContainerInfo(s_web, "web", "docker"), running.Target);
        Assert.Equal(300, running.InitPid);
        Assert.Equal(300, running.ScopeOwnerPid);
        Assert.Null(running.SubtreeRoot(100));
        Assert.False(running.IncludesExistingProcesses);
    }

    [Fact]
    public void An_unresolved_container_filter_is_never_asked_to_admit()
    {
        Assert.Throws<InvalidOperationException>(() => ExecTraceFilter.Container("web").Admit(1, new ProcessTable(100).Reader));
    }

    [Fact]
    public void The_running_container_admits_its_processes_and_no_others()
    {
        var processes = new ProcessTable(100);
        processes.Add(300, 299, "init", "init").Cgroups = PodmanSystemd(s_web);
        processes.Add(301, 300, "sub", "sub").Cgroups = [new("", $"/machine.slice/libpod-{s_web}.scope/container")];
        processes.Add(299, 1, "conmon", "conmon").Cgroups = Conmon(s_web);
        processes.Add(400, 1, "bash", "bash").Cgroups = Host;
        processes.Add(401, 1, "zombie", "zombie");
        var filter = new RunningContainerFilter(new ContainerInfo(s_web, "web", "podman"), 300);

        Assert.Equal(ScopeVerdict.In, filter.Admit(300, processes.Reader));
        Assert.Equal(ScopeVerdict.In, filter.Admit(301, processes.Reader));
        Assert.Equal(ScopeVerdict.Out, filter.Admit(299, processes.Reader));
        Assert.Equal(ScopeVerdict.Out, filter.Admit(400, processes.Reader));
        Assert.Equal(ScopeVerdict.Undecided, filter.Admit(401, processes.Reader));
        Assert.Equal(ScopeVerdict.Undecided, filter.Admit(402, processes.Reader));
    }

    [Fact]
    public void The_running_container_says_which_it_is()
    {
        var named = new RunningContainerFilter(new ContainerInfo(s_web, "web", "podman"), 300).ToString();
        var unnamed = new RunningContainerFilter(new ContainerInfo(s_web, null, "kubernetes"), 300).ToString();

        Assert.Equal("container web (podman, id a1b2c3d4e5f6, init pid 300)", named);
        Assert.Equal("container a1b2c3d4e5f6 (kubernetes, id a1b2c3d4e5f6, init pid 300)", unnamed);
    }
}
