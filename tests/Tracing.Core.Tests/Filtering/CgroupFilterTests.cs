using Tracing.Filtering;
using Tracing.Ports;

namespace Tracing.Core.Tests.Filtering;

public class CgroupFilterTests
{
    [Theory]
    [InlineData("/a/b", "/a/b")]
    [InlineData("/a/b", "/a/b/c")]
    [InlineData("/a/b", "/a/b/c/d")]
    [InlineData("/a/b/", "/a/b/c")]
    [InlineData("/", "/anything")]
    [InlineData("/", "/")]
    public void Matches_the_cgroup_and_below(string filterPath, string processPath)
    {
        Assert.True(new CgroupFilter(filterPath).Matches([new("", processPath)]));
        Assert.True(new CgroupFilter(filterPath).Matches([new("cpu", processPath)]));
        Assert.True(new CgroupFilter(filterPath, "cpu").Matches([new("cpu", processPath)]));
        Assert.True(new CgroupFilter(filterPath, "").Matches([new("", processPath)]));
    }

    [Theory]
    [InlineData("/a/b", "/a/bc")]
    [InlineData("/a/b", "/a")]
    [InlineData("/a/b", "/a/c")]
    [InlineData("/a/b", "/")]
    [InlineData("/a/b", "/x/a/b")]
    public void Does_not_match_siblings_parents_or_prefixes(string filterPath, string processPath)
    {
        Assert.False(new CgroupFilter(filterPath).Matches([new("", processPath)]));
        Assert.False(new CgroupFilter(filterPath, "cpu").Matches([new("cpu", processPath)]));
    }

    [Fact]
    public void Without_a_controller_any_hierarchy_matches()
    {
        var filter = new CgroupFilter("/system.slice/x.service");

        Assert.True(filter.Matches([new("", "/"), new("memory", "/user.slice"), new("name=systemd", "/system.slice/x.service")]));
        Assert.True(filter.Matches([new("cpu,cpuacct", "/system.slice/x.service/child")]));
        Assert.False(filter.Matches([new("", "/"), new("memory", "/user.slice")]));
        Assert.False(filter.Matches([]));
    }

    [Fact]
    public void A_v1_controller_matches_only_its_own_hierarchy()
    {
        // The bug this guards: /sys/fs/cgroup/cpu/foo must not match a process whose memory cgroup is /foo.
        var filter = new CgroupFilter("/foo", "cpu");
        CgroupMembership[] inMemoryFoo = [new("cpu", "/"), new("memory", "/foo"), new("name=systemd", "/foo"), new("", "/foo")];
        CgroupMembership[] inCpuFoo = [new("cpu", "/foo/child"), new("memory", "/")];

        Assert.False(filter.Matches(inMemoryFoo));
        Assert.True(filter.Matches(inCpuFoo));
    }

    [Theory]
    [InlineData("cpu", "cpu,cpuacct")]
    [InlineData("cpuacct", "cpu,cpuacct")]
    [InlineData("cpu,cpuacct", "cpu,cpuacct")]
    [InlineData("cpu,cpuacct", "cpuacct")]
    [InlineData("cpuacct,cpu", "cpu")]
    [InlineData("net_cls,net_prio", "net_prio,net_cls")]
    [InlineData("systemd", "name=systemd")]
    [InlineData("name=systemd", "name=systemd")]
    public void Controllers_match_when_they_share_one(string filterController, string lineControllers)
    {
        Assert.True(new CgroupFilter("/foo", filterController).Matches([new(lineControllers, "/foo")]));
    }

    [Theory]
    [InlineData("cpu", "cpuset")]
    [InlineData("cpu", "cpuacct")]
    [InlineData("cpu,cpuacct", "memory")]
    [InlineData("cpu", "")]
    [InlineData("systemd", "systemd2")]
    [InlineData("name=systemd", "systemd")]
    [InlineData("", "cpu")]
    [InlineData("", "name=systemd")]
    public void Controllers_that_share_none_do_not_match(string filterController, string lineControllers)
    {
        Assert.False(new CgroupFilter("/foo", filterController).Matches([new(lineControllers, "/foo")]));
    }

    [Fact]
    public void Empty_controller_is_the_unified_hierarchy_only()
    {
        var filter = new CgroupFilter("/foo", "");

        Assert.True(filter.Matches([new("cpu", "/"), new("", "/foo/bar")]));
        Assert.False(filter.Matches([new("cpu", "/foo"), new("name=systemd", "/foo"), new("", "/")]));
    }

    [Fact]
    public void Root_matches_every_process_in_the_hierarchy_but_no_other()
    {
        var filter = new CgroupFilter("/", "memory");

        Assert.True(filter.Matches([new("memory", "/anything")]));
        Assert.False(filter.Matches([new("cpu", "/"), new("", "/")]));
    }

    [Theory]
    [InlineData("")]
    [InlineData("a/b")]
    [InlineData("system.slice")]
    public void Validate_rejects_a_path_without_leading_slash(string path)
    {
        var error = Assert.Throws<ArgumentException>(() => new CgroupFilter(path).Validate());

        Assert.Equal("Path", error.ParamName);
    }

    [Theory]
    [InlineData("cpu,")]
    [InlineData(",cpu")]
    [InlineData("cpu,,memory")]
    [InlineData("cpu/foo")]
    [InlineData("1:cpu")]
    public void Validate_rejects_a_malformed_controller(string controller)
    {
        var error = Assert.Throws<ArgumentException>(() => new CgroupFilter("/a", controller).Validate());

        Assert.Equal("Controller", error.ParamName);
    }

    [Fact]
    public void Validate_accepts_an_absolute_path_and_any_well_formed_hierarchy()
    {
        new CgroupFilter("/a/b").Validate();
        new CgroupFilter("/").Validate();
        new CgroupFilter("/a", "").Validate();
        new CgroupFilter("/a", "cpu,cpuacct").Validate();
        new CgroupFilter("/a", "name=systemd").Validate();
    }
}
