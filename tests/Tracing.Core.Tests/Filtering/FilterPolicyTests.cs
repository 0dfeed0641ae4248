using NSubstitute;
using Tracing.Filtering;
using Tracing.Ports;

namespace Tracing.Core.Tests.Filtering;

/// <summary>Each filter kind's policy, as the tracer asks it (the tracer never tests a filter's type).</summary>
public class FilterPolicyTests
{
    private const int TracerPid = 4242;

    [Fact]
    public void Everything_follows_no_subtree_launches_nothing_and_admits_every_exec()
    {
        var filter = ExecTraceFilter.Everything;
        var reader = Substitute.For<IProcessInfoReader>();

        Assert.Null(filter.SubtreeRoot(TracerPid));
        Assert.False(filter.IncludesExistingProcesses);
        Assert.Null(filter.CommandToLaunch);
        Assert.Equal(ScopeVerdict.In, filter.Admit(77, reader));
        Assert.Empty(reader.ReceivedCalls());
    }

    [Fact]
    public void A_process_tree_follows_its_root_and_includes_the_processes_that_exist()
    {
        var filter = ExecTraceFilter.ProcessTree(900);

        Assert.Equal(900, filter.SubtreeRoot(TracerPid));
        Assert.True(filter.IncludesExistingProcesses);
        Assert.Null(filter.CommandToLaunch);
        Assert.Equal(ScopeVerdict.In, filter.Admit(901, Substitute.For<IProcessInfoReader>()));
    }

    [Fact]
    public void A_command_follows_the_tracers_own_subtree_and_is_launched()
    {
        var command = new CommandSpec("/bin/true", []);
        var filter = ExecTraceFilter.RunCommand(command);

        Assert.Equal(TracerPid, filter.SubtreeRoot(TracerPid));
        Assert.False(filter.IncludesExistingProcesses);
        Assert.Same(command, filter.CommandToLaunch);
    }

    [Theory]
    [InlineData("/a", "/a/b", true)]
    [InlineData("/a", "/ab", false)]
    public void A_cgroup_admits_by_the_process_cgroups(string path, string processPath, bool inScope)
    {
        var filter = ExecTraceFilter.Cgroup(path);
        var reader = Substitute.For<IProcessInfoReader>();
        reader.TryReadCgroups(55, out Arg.Any<IReadOnlyList<CgroupMembership>?>()).Returns(call =>
        {
            call[1] = new List<CgroupMembership> { new(string.Empty, processPath) };
            return true;
        });

        Assert.Null(filter.SubtreeRoot(TracerPid));
        Assert.Null(filter.CommandToLaunch);
        Assert.Equal(inScope ? ScopeVerdict.In : ScopeVerdict.Out, filter.Admit(55, reader));
    }

    [Fact]
    public void A_cgroup_cannot_decide_for_a_process_that_is_gone()
    {
        var reader = Substitute.For<IProcessInfoReader>();
        reader.TryReadCgroups(Arg.Any<int>(), out Arg.Any<IReadOnlyList<CgroupMembership>?>()).Returns(false);

        Assert.Equal(ScopeVerdict.Undecided, ExecTraceFilter.Cgroup("/a").Admit(55, reader));
    }
}
