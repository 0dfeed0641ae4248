using Tracing.Cli.Running;

namespace Tracing.Cli.Tests.Running;

public class TraceSettingsTests
{
    [Fact]
    public void Only_a_command_after_the_separator_makes_a_run_that_runs_a_command()
    {
        Assert.True(new TraceSettings { Command = ["/bin/true"] }.RunsCommand);
        Assert.False(new TraceSettings().RunsCommand);
        Assert.False(new TraceSettings { Pid = 1 }.RunsCommand);
    }

    [Fact]
    public void The_status_line_names_the_scope()
    {
        Assert.Equal("Tracing every exec on this machine", new TraceSettings().DescribeScope(null));
        Assert.Equal("Tracing pid 42 and its descendants", new TraceSettings { Pid = 42 }.DescribeScope(null));
        Assert.Equal("Tracing cgroup /sys/fs/cgroup/a", new TraceSettings { Cgroup = "/sys/fs/cgroup/a" }.DescribeScope(null));
        Assert.Equal("Tracing make (pid 7) and its descendants", new TraceSettings { Command = ["make", "-j4"] }.DescribeScope(7));
    }
}
