using System.Text;
using Tracing.Interop.Linux.ProcFs;

namespace Tracing.Interop.Linux.Tests.ProcFs;

public class ProcCgroupParserTests
{
    [Fact]
    public void Cgroup_v2_has_one_path()
    {
        Assert.True(ProcCgroupParser.TryParse(Bytes("0::/system.slice/sshd.service\n"), out var paths));

        Assert.Equal(["/system.slice/sshd.service"], paths);
    }

    [Fact]
    public void Cgroup_v1_has_one_path_per_hierarchy_in_order()
    {
        var content = "12:pids:/user.slice/user-1000.slice\n11:cpu,cpuacct:/user.slice\n1:name=systemd:/user.slice/session-2.scope\n0::/user.slice/session-2.scope\n";

        Assert.True(ProcCgroupParser.TryParse(Bytes(content), out var paths));

        Assert.Equal(
            ["/user.slice/user-1000.slice", "/user.slice", "/user.slice/session-2.scope", "/user.slice/session-2.scope"],
            paths);
    }

    [Fact]
    public void Path_may_contain_colons()
    {
        Assert.True(ProcCgroupParser.TryParse(Bytes("0::/machine.slice/a:b:c\n3:cpu:/x:y"), out var paths));

        Assert.Equal(["/machine.slice/a:b:c", "/x:y"], paths);
    }

    [Fact]
    public void Empty_content_has_no_paths()
    {
        Assert.True(ProcCgroupParser.TryParse([], out var paths));

        Assert.Empty(paths);
    }

    [Theory]
    [InlineData("/system.slice\n")]
    [InlineData("0:/system.slice\n")]
    [InlineData("0::\n")]
    [InlineData(":cpu:/x\n")]
    [InlineData("a:cpu:/x\n")]
    [InlineData("0::/ok\ngarbage\n")]
    public void Malformed_line_is_rejected_without_throwing(string content)
    {
        Assert.False(ProcCgroupParser.TryParse(Bytes(content), out var paths));
        Assert.Empty(paths);
    }

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);
}
