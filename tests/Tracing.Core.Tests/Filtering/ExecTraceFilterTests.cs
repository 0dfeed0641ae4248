using Tracing.Filtering;
using Tracing.Ports;

namespace Tracing.Core.Tests.Filtering;

public class ExecTraceFilterTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void ProcessTree_rejects_a_non_positive_root(int root)
    {
        var error = Assert.Throws<ArgumentException>(() => ExecTraceFilter.ProcessTree(root).Validate());

        Assert.Equal("RootPid", error.ParamName);
    }

    [Fact]
    public void ProcessTree_accepts_a_positive_root()
    {
        var filter = ExecTraceFilter.ProcessTree(1);

        filter.Validate();
        Assert.Equal(1, Assert.IsType<ProcessTreeFilter>(filter).RootPid);
    }

    [Fact]
    public void Everything_is_always_valid()
    {
        ExecTraceFilter.Everything.Validate();
        Assert.IsType<EverythingFilter>(ExecTraceFilter.Everything);
    }

    [Fact]
    public void Cgroup_factory_makes_a_cgroup_filter()
    {
        Assert.Equal(new CgroupFilter("/a", null), ExecTraceFilter.Cgroup("/a"));
        Assert.Equal(new CgroupFilter("/a", "cpu,cpuacct"), ExecTraceFilter.Cgroup("/a", "cpu,cpuacct"));
        Assert.Equal(new CgroupFilter("/a", ""), ExecTraceFilter.Cgroup("/a", ""));
    }

    [Fact]
    public void RunCommand_rejects_a_null_command()
    {
        Assert.Throws<ArgumentNullException>(() => new CommandFilter(null!).Validate());
    }

    [Fact]
    public void RunCommand_keeps_the_command()
    {
        var command = new CommandSpec("make", ["-j4"]);

        var filter = Assert.IsType<CommandFilter>(ExecTraceFilter.RunCommand(command));

        filter.Validate();
        Assert.Same(command, filter.Command);
    }

    [Fact]
    public void CommandSpec_rejects_an_empty_program()
    {
        Assert.Throws<ArgumentException>(() => new CommandSpec("", []));
    }
}
