using Tracing.Cli.Running;
using Tracing.Filtering;

namespace Tracing.Cli.Tests.Running;

public class FilterFactoryTests
{
    [Fact]
    public void No_scope_traces_everything()
    {
        Assert.IsType<EverythingFilter>(FilterFactory.Create(new TraceSettings()));
    }

    [Theory]
    [InlineData(true, "/system.slice", false)]
    [InlineData(true, null, true)]
    [InlineData(false, "/system.slice", true)]
    public void Two_scopes_are_a_usage_error(bool pid, string? cgroup, bool command)
    {
        var settings = new TraceSettings
        {
            Pid = pid ? Environment.ProcessId : null,
            Cgroup = cgroup,
            Command = command ? ["true"] : [],
        };

        var error = Assert.Throws<UsageException>(() => FilterFactory.Create(settings));

        Assert.Contains("one scope", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Pid_of_a_live_process_is_a_process_tree()
    {
        var filter = FilterFactory.Create(new TraceSettings { Pid = Environment.ProcessId });

        Assert.Equal(Environment.ProcessId, Assert.IsType<ProcessTreeFilter>(filter).RootPid);
    }

    [Fact]
    public void Pid_that_does_not_exist_is_a_usage_error()
    {
        var error = Assert.Throws<UsageException>(() => FilterFactory.Create(new TraceSettings { Pid = 999_999_999 }));

        Assert.Contains("999999999", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void Non_positive_pid_is_a_usage_error(int pid)
    {
        Assert.Throws<UsageException>(() => FilterFactory.Create(new TraceSettings { Pid = pid }));
    }

    [Theory]
    [InlineData("/system.slice/x.service", "/system.slice/x.service")]
    [InlineData("/system.slice/x.service/", "/system.slice/x.service")]
    [InlineData("/", "/")]
    public void Hierarchy_path_is_kept(string given, string expected)
    {
        var filter = FilterFactory.Create(new TraceSettings { Cgroup = given });

        Assert.Equal(expected, Assert.IsType<CgroupFilter>(filter).Path);
    }

    [Fact]
    public void Cgroup_mount_root_maps_to_the_hierarchy_root()
    {
        var filter = FilterFactory.Create(new TraceSettings { Cgroup = "/sys/fs/cgroup" });

        Assert.Equal("/", Assert.IsType<CgroupFilter>(filter).Path);
    }

    [Fact]
    public void Cgroup_under_the_mount_that_does_not_exist_is_a_usage_error()
    {
        var error = Assert.Throws<UsageException>(() => FilterFactory.Create(new TraceSettings { Cgroup = "/sys/fs/cgroup/no-such-cgroup.slice" }));

        Assert.StartsWith("--cgroup:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Relative_cgroup_is_a_usage_error()
    {
        var error = Assert.Throws<UsageException>(() => FilterFactory.Create(new TraceSettings { Cgroup = "system.slice" }));

        Assert.StartsWith("--cgroup:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Command_becomes_a_command_filter()
    {
        var filter = FilterFactory.Create(new TraceSettings { Command = ["make", "-j4", "all"] });

        var command = Assert.IsType<CommandFilter>(filter).Command;
        Assert.Equal("make", command.FileName);
        Assert.Equal(["-j4", "all"], command.Arguments);
    }
}
