using Tracing.Linux.ProcFs;

namespace Tracing.Linux.Tests.ProcFs;

public sealed class CgroupPathsTests : IDisposable
{
    private readonly string _mountRoot = Directory.CreateTempSubdirectory("fake-cgroup-").FullName;

    public void Dispose() => Directory.Delete(_mountRoot, recursive: true);

    [Theory]
    [InlineData("/system.slice/x.service", "/system.slice/x.service")]
    [InlineData("/system.slice/x.service/", "/system.slice/x.service")]
    [InlineData("/system.slice//x.service", "/system.slice/x.service")]
    [InlineData("/cpu/foo", "/cpu/foo")]
    [InlineData("/a:b", "/a:b")]
    [InlineData("", "/")]
    [InlineData("/", "/")]
    public void Unified_mount_is_the_unified_hierarchy(string below, string expected)
    {
        File.WriteAllText(Path.Join(_mountRoot, "cgroup.controllers"), "cpu memory pids\n");

        Assert.Equal(("", expected), CgroupPaths.Resolve(_mountRoot + below, _mountRoot));
    }

    [Theory]
    [InlineData("/cpu,cpuacct/foo", "cpu,cpuacct", "/foo")]
    [InlineData("/cpu,cpuacct/foo/bar//", "cpu,cpuacct", "/foo/bar")]
    [InlineData("/cpu,cpuacct//foo", "cpu,cpuacct", "/foo")]
    [InlineData("/cpu,cpuacct", "cpu,cpuacct", "/")]
    [InlineData("/name=systemd/user.slice", "name=systemd", "/user.slice")]
    [InlineData("/systemd/user.slice", "systemd", "/user.slice")]
    [InlineData("/memory", "memory", "/")]
    [InlineData("/memory/", "memory", "/")]
    [InlineData("/memory/a:b", "memory", "/a:b")]
    public void V1_mount_keeps_the_hierarchy_directory_as_the_controller(string below, string controller, string path)
    {
        Directory.CreateDirectory(Path.Join(_mountRoot, "cpu,cpuacct", "foo", "bar"));
        Directory.CreateDirectory(Path.Join(_mountRoot, "memory"));

        Assert.Equal((controller, path), CgroupPaths.Resolve(_mountRoot + below, _mountRoot));
    }

    [Theory]
    [InlineData("/cpu/foo", "/foo")]
    [InlineData("/cpuacct", "/")]
    public void V1_symlinked_controller_directory_is_resolved_to_its_hierarchy(string below, string path)
    {
        Directory.CreateDirectory(Path.Join(_mountRoot, "cpu,cpuacct", "foo"));
        File.CreateSymbolicLink(Path.Join(_mountRoot, "cpu"), "cpu,cpuacct");
        File.CreateSymbolicLink(Path.Join(_mountRoot, "cpuacct"), Path.Join(_mountRoot, "cpu,cpuacct") + "/");

        Assert.Equal(("cpu,cpuacct", path), CgroupPaths.Resolve(_mountRoot + below, _mountRoot));
    }

    [Fact]
    public void V1_hierarchy_that_is_not_there_keeps_the_typed_name()
    {
        Assert.Equal(("net_cls,net_prio", "/x"), CgroupPaths.Resolve(_mountRoot + "/net_cls,net_prio/x", _mountRoot));
        Assert.Equal(("blkio", "/x"), CgroupPaths.Resolve(_mountRoot + "/blkio/x", _mountRoot, isUnified: false));
    }

    [Fact]
    public void Hybrid_unified_mount_under_a_v1_root_is_the_unified_hierarchy()
    {
        var unified = Directory.CreateDirectory(Path.Join(_mountRoot, "unified", "system.slice")).Parent!.FullName;
        File.WriteAllText(Path.Join(unified, "cgroup.controllers"), "");

        Assert.Equal(("", "/system.slice"), CgroupPaths.Resolve(_mountRoot + "/unified/system.slice", _mountRoot));
        Assert.Equal(("", "/"), CgroupPaths.Resolve(_mountRoot + "/unified", _mountRoot));
    }

    [Fact]
    public void Mount_kind_can_be_given()
    {
        Assert.Equal(("", "/system.slice/x.service"), CgroupPaths.Resolve("/sys/fs/cgroup/system.slice/x.service", "/sys/fs/cgroup", isUnified: true));
        Assert.Equal(("", "/cpu,cpuacct/foo"), CgroupPaths.Resolve("/sys/fs/cgroup/cpu,cpuacct/foo", "/sys/fs/cgroup", isUnified: true));
        Assert.Equal(("cpu,cpuacct", "/foo"), CgroupPaths.Resolve(_mountRoot + "/cpu,cpuacct/foo", _mountRoot, isUnified: false));
    }

    [Fact]
    public void Mount_root_with_trailing_slash_matches()
    {
        Assert.Equal(("", "/x"), CgroupPaths.Resolve("/sys/fs/cgroup/x", "/sys/fs/cgroup/", isUnified: true));
        Assert.Equal(("memory", "/x"), CgroupPaths.Resolve(_mountRoot + "/memory/x", _mountRoot + "/", isUnified: false));
    }

    [Theory]
    [InlineData("/system.slice/x", "/system.slice/x")]
    [InlineData("/system.slice/x/", "/system.slice/x")]
    [InlineData("/", "/")]
    [InlineData("///", "/")]
    [InlineData("/sys/fs/cgroupx/foo", "/sys/fs/cgroupx/foo")]
    [InlineData("/sys/fs", "/sys/fs")]
    [InlineData("/sys/fs/cgroup/../foo", "/sys/fs/foo")]
    public void Path_outside_the_mount_root_is_a_hierarchy_path_in_any_hierarchy(string userPath, string expected)
    {
        Assert.Equal((null, expected), CgroupPaths.Resolve(userPath, "/sys/fs/cgroup", isUnified: true));
        Assert.Equal((null, expected), CgroupPaths.Resolve(userPath, "/sys/fs/cgroup", isUnified: false));
    }

    [Theory]
    [InlineData("")]
    [InlineData("/")]
    [InlineData("/.")]
    public void V1_mount_root_is_no_cgroup(string below)
    {
        var error = Assert.Throws<ArgumentException>(() => CgroupPaths.Resolve(_mountRoot + below, _mountRoot));

        Assert.Equal("userPath", error.ParamName);
        Assert.Contains("no cgroup itself", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    public void Empty_path_is_rejected(string? userPath)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => CgroupPaths.Resolve(userPath!, _mountRoot));

        Assert.Equal("userPath", error.ParamName);
        Assert.Contains("cgroup path is needed", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("system.slice/x.service")]
    [InlineData("./x")]
    [InlineData("sys/fs/cgroup/x")]
    public void Relative_path_is_rejected(string userPath)
    {
        var error = Assert.Throws<ArgumentException>(() => CgroupPaths.Resolve(userPath, _mountRoot));

        Assert.Equal("userPath", error.ParamName);
        Assert.Contains("relative", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Relative_mount_root_is_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => CgroupPaths.Resolve("/x", "sys/fs/cgroup", isUnified: true));

        Assert.Equal("mountRoot", error.ParamName);
    }

    [Fact]
    public void Temporary_directory_is_not_on_a_cgroup_file_system_even_with_a_cgroup_procs_file()
    {
        File.WriteAllText(Path.Join(_mountRoot, "cgroup.procs"), "1\n");

        Assert.False(CgroupPaths.IsOnCgroupFileSystem(_mountRoot));
        Assert.False(CgroupPaths.IsOnCgroupFileSystem(Path.Join(_mountRoot, "no-such-directory")));
    }

    [Fact]
    public void Own_cgroup_is_on_a_cgroup_file_system()
    {
        // Every Linux machine mounts a hierarchy the process is in; /proc/self/mountinfo names where.
        var mountPoint = File.ReadLines("/proc/self/mountinfo")
            .Select(line => line.Split(" - ", 2))
            .Where(parts => parts[1].StartsWith("cgroup", StringComparison.Ordinal))
            .Select(parts => parts[0].Split(' ')[4])
            .First();

        Assert.True(CgroupPaths.IsOnCgroupFileSystem(mountPoint));
    }
}
