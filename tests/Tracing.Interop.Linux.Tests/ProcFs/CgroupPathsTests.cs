using Tracing.Interop.Linux.ProcFs;

namespace Tracing.Interop.Linux.Tests.ProcFs;

public sealed class CgroupPathsTests : IDisposable
{
    private readonly string _mountRoot = Directory.CreateTempSubdirectory("fake-cgroup-").FullName;

    public void Dispose() => Directory.Delete(_mountRoot, recursive: true);

    [Theory]
    [InlineData("/system.slice/x.service", "/system.slice/x.service")]
    [InlineData("/system.slice/x.service/", "/system.slice/x.service")]
    [InlineData("/a:b", "/a:b")]
    [InlineData("", "/")]
    [InlineData("/", "/")]
    public void Unified_mount_strips_the_mount_root(string below, string expected)
    {
        File.WriteAllText(Path.Join(_mountRoot, "cgroup.controllers"), "cpu memory pids\n");

        Assert.Equal(expected, CgroupPaths.ToHierarchyPath(_mountRoot + below, _mountRoot));
    }

    [Theory]
    [InlineData("/cpu,cpuacct/foo", "/foo")]
    [InlineData("/cpu,cpuacct/foo/bar//", "/foo/bar")]
    [InlineData("/name=systemd/user.slice", "/user.slice")]
    [InlineData("/unified/system.slice", "/system.slice")]
    [InlineData("/memory", "/")]
    [InlineData("/memory/", "/")]
    [InlineData("", "/")]
    public void V1_mount_strips_the_controller_directory(string below, string expected)
    {
        Directory.CreateDirectory(Path.Join(_mountRoot, "cpu,cpuacct"));

        Assert.Equal(expected, CgroupPaths.ToHierarchyPath(_mountRoot + below, _mountRoot));
    }

    [Fact]
    public void Mount_kind_can_be_given()
    {
        Assert.Equal("/system.slice/x.service", CgroupPaths.ToHierarchyPath("/sys/fs/cgroup/system.slice/x.service", "/sys/fs/cgroup", isUnified: true));
        Assert.Equal("/foo", CgroupPaths.ToHierarchyPath("/sys/fs/cgroup/cpu,cpuacct/foo", "/sys/fs/cgroup", isUnified: false));
    }

    [Fact]
    public void Mount_root_with_trailing_slash_matches()
    {
        Assert.Equal("/x", CgroupPaths.ToHierarchyPath("/sys/fs/cgroup/x", "/sys/fs/cgroup/", isUnified: true));
    }

    [Theory]
    [InlineData("/system.slice/x", "/system.slice/x")]
    [InlineData("/system.slice/x/", "/system.slice/x")]
    [InlineData("/", "/")]
    [InlineData("///", "/")]
    [InlineData("/sys/fs/cgroupx/foo", "/sys/fs/cgroupx/foo")]
    [InlineData("/sys/fs", "/sys/fs")]
    public void Path_outside_the_mount_root_passes_through(string userPath, string expected)
    {
        Assert.Equal(expected, CgroupPaths.ToHierarchyPath(userPath, "/sys/fs/cgroup", isUnified: true));
        Assert.Equal(expected, CgroupPaths.ToHierarchyPath(userPath, "/sys/fs/cgroup", isUnified: false));
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    public void Empty_path_is_rejected(string? userPath)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => CgroupPaths.ToHierarchyPath(userPath!, _mountRoot));

        Assert.Equal("userPath", error.ParamName);
        Assert.Contains("cgroup path is needed", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("system.slice/x.service")]
    [InlineData("./x")]
    [InlineData("sys/fs/cgroup/x")]
    public void Relative_path_is_rejected(string userPath)
    {
        var error = Assert.Throws<ArgumentException>(() => CgroupPaths.ToHierarchyPath(userPath, _mountRoot));

        Assert.Equal("userPath", error.ParamName);
        Assert.Contains("relative", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Relative_mount_root_is_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => CgroupPaths.ToHierarchyPath("/x", "sys/fs/cgroup", isUnified: true));

        Assert.Equal("cgroupMountRoot", error.ParamName);
    }
}
