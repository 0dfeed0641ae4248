using System.Text;
using Tracing.Linux.ProcFs;
using Tracing.Ports;

namespace Tracing.Linux.Tests.ProcFs;

public class ProcCgroupParserTests
{
    [Fact]
    public void Cgroup_v2_has_one_line_without_controllers()
    {
        Assert.True(ProcCgroupParser.TryParse(Bytes("0::/system.slice/sshd.service\n"), out var memberships));

        Assert.Equal([new CgroupMembership("", "/system.slice/sshd.service")], memberships);
        Assert.True(memberships[0].IsUnified);
    }

    [Fact]
    public void Cgroup_v1_has_one_line_per_hierarchy_in_order()
    {
        var content = "12:pids:/user.slice/user-1000.slice\n11:cpu,cpuacct:/user.slice\n1:name=systemd:/user.slice/session-2.scope\n0::/user.slice/session-2.scope\n";

        Assert.True(ProcCgroupParser.TryParse(Bytes(content), out var memberships));

        Assert.Equal(
            [
                new CgroupMembership("pids", "/user.slice/user-1000.slice"),
                new CgroupMembership("cpu,cpuacct", "/user.slice"),
                new CgroupMembership("name=systemd", "/user.slice/session-2.scope"),
                new CgroupMembership("", "/user.slice/session-2.scope"),
            ],
            memberships);
        Assert.Equal([false, false, false, true], memberships.Select(m => m.IsUnified));
    }

    [Fact]
    public void Path_may_contain_colons()
    {
        Assert.True(ProcCgroupParser.TryParse(Bytes("0::/machine.slice/a:b:c\n3:cpu:/x:y\n1:name=systemd::z"), out var memberships));

        Assert.Equal(
            [new CgroupMembership("", "/machine.slice/a:b:c"), new CgroupMembership("cpu", "/x:y"), new CgroupMembership("name=systemd", ":z")],
            memberships);
    }

    [Fact]
    public void Empty_content_has_no_paths()
    {
        Assert.True(ProcCgroupParser.TryParse([], out var memberships));

        Assert.Empty(memberships);
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
        Assert.False(ProcCgroupParser.TryParse(Bytes(content), out var memberships));
        Assert.Empty(memberships);
    }

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);
}
