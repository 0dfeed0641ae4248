using System.Text;
using Tracing.Linux.ProcFs;

namespace Tracing.Linux.Tests.ProcFs;

public class CgroupContentCacheTests
{
    private static readonly byte[] s_hybrid = Encoding.ASCII.GetBytes("12:pids:/libpod_parent/libpod-aa\n1:name=systemd:/\n0::/libpod_parent/libpod-aa\n");

    [Fact]
    public void The_same_content_gives_the_same_memberships_parsed_once()
    {
        var cache = new CgroupContentCache();

        Assert.True(cache.TryParse(s_hybrid, out var first));
        Assert.True(cache.TryParse(s_hybrid.ToArray(), out var second));

        Assert.Same(first, second);
        Assert.True(ProcCgroupParser.TryParse(s_hybrid, out var direct));
        Assert.Equal(direct, first);
    }

    [Fact]
    public void Different_content_is_parsed_as_itself_and_a_malformed_one_is_refused()
    {
        var cache = new CgroupContentCache();
        var other = Encoding.ASCII.GetBytes("0::/system.slice/ssh.service\n");

        Assert.True(cache.TryParse(s_hybrid, out var hybrid));
        Assert.True(cache.TryParse(other, out var ssh));
        Assert.False(cache.TryParse("not a cgroup line\n"u8, out _));

        Assert.NotSame(hybrid, ssh);
        Assert.Equal("/system.slice/ssh.service", Assert.Single(ssh).Path);
    }

    [Fact]
    public void Past_its_bound_it_starts_again_and_still_parses()
    {
        var cache = new CgroupContentCache();
        for (var i = 0; i <= CgroupContentCache.MaxEntries; i++)
        {
            Assert.True(cache.TryParse(Encoding.ASCII.GetBytes($"0::/c{i}\n"), out var parsed));
            Assert.Equal($"/c{i}", Assert.Single(parsed).Path);
        }

        Assert.True(cache.TryParse(s_hybrid, out var again));
        Assert.Equal(3, again.Length);
    }
}
