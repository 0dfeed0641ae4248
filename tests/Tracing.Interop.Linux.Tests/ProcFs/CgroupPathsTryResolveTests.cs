using Tracing.Tests.Cgroups;
using Tracing.Linux.ProcFs;

namespace Tracing.Linux.Tests.ProcFs;

/// <summary>The check both <c>exectrace --cgroup</c> and <c>ExecTracing:Cgroup</c> use: one verdict, one message.</summary>
public sealed class CgroupPathsTryResolveTests : IDisposable
{
    // A v1-like root: a plain directory, no cgroup.controllers.
    private readonly string _mountRoot = Directory.CreateTempSubdirectory("fake-cgroup-").FullName;

    public void Dispose() => Directory.Delete(_mountRoot, recursive: true);

    [Fact]
    public void A_path_under_the_mount_that_does_not_exist_is_no_cgroup()
    {
        var path = Path.Join(_mountRoot, "cpu", "nonexistent");

        Assert.False(CgroupPaths.TryResolve(path, _mountRoot, out _, out var error));
        Assert.Equal($"no cgroup at {path}.", error);
    }

    [Fact]
    public void A_directory_without_cgroup_procs_is_no_cgroup()
    {
        var path = Directory.CreateDirectory(Path.Join(_mountRoot, "cpu", "foo")).FullName;

        Assert.False(CgroupPaths.TryResolve(path, _mountRoot, out _, out var error));
        Assert.Equal($"{path} is not a cgroup (no cgroup.procs).", error);
    }

    [Fact]
    public void A_directory_with_a_cgroup_procs_file_off_the_cgroup_file_system_is_no_cgroup()
    {
        var path = Directory.CreateDirectory(Path.Join(_mountRoot, "cpu", "foo")).FullName;
        File.WriteAllText(Path.Join(path, "cgroup.procs"), "1234\n");

        Assert.False(CgroupPaths.TryResolve(path, _mountRoot, out _, out var error));
        Assert.Equal($"{path} is not a cgroup (not on a cgroup file system).", error);
    }

    [Fact]
    public void The_v1_mount_root_is_no_cgroup()
    {
        Assert.False(CgroupPaths.TryResolve(_mountRoot, _mountRoot, out _, out var error));
        Assert.StartsWith($"'{_mountRoot}' holds the cgroup v1 hierarchies and is no cgroup itself", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "A cgroup path is needed, e.g. /sys/fs/cgroup/system.slice/x.service or /system.slice/x.service.")]
    [InlineData("", "A cgroup path is needed, e.g. /sys/fs/cgroup/system.slice/x.service or /system.slice/x.service.")]
    [InlineData("system.slice", "The cgroup path 'system.slice' is relative; give an absolute path, e.g. /sys/fs/cgroup/system.slice or /system.slice.")]
    public void A_missing_or_relative_path_is_refused_in_words_for_the_user(string? userPath, string expected)
    {
        Assert.False(CgroupPaths.TryResolve(userPath, _mountRoot, out _, out var error));
        Assert.Equal(expected, error);
    }

    [Theory]
    [InlineData("/system.slice/x.service/")]
    [InlineData("/etc/passwd")]
    public void A_hierarchy_path_that_no_mounted_hierarchy_holds_is_refused(string path)
    {
        // The made-up mount root holds no cgroup file system at all.
        Assert.False(CgroupPaths.TryResolve(path, _mountRoot, out _, out var error));
        Assert.StartsWith($"no cgroup {path.TrimEnd('/')} in the hierarchies under {_mountRoot}", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_hierarchy_path_that_a_hierarchy_of_this_machine_holds_is_taken_for_any_hierarchy()
    {
        var path = MachineCgroups.ExistingHierarchyPath();

        Assert.True(CgroupPaths.TryResolve(path + "/", out var cgroup, out var error), error);
        Assert.Equal((null, path), cgroup);
    }

    [Theory]
    [InlineData("/nonexistent")]
    [InlineData("/etc/passwd")]
    [InlineData("/sys/fs/cgroup/cpu/../../../etc")]
    public void Paths_that_are_no_cgroup_of_this_machine_are_refused_with_the_reason(string path)
    {
        Assert.False(CgroupPaths.TryResolve(path, out _, out var error));
        Assert.Contains("no cgroup", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_symbolic_link_to_a_cgroup_is_that_cgroup()
    {
        var target = Path.Join(CgroupPaths.DefaultMountRoot, MachineCgroups.ExistingHierarchyPath().TrimStart('/'));
        var unified = File.Exists(Path.Join(CgroupPaths.DefaultMountRoot, "cgroup.controllers"));
        if (!unified)
        {
            target = Directory.EnumerateDirectories(CgroupPaths.DefaultMountRoot).Order(StringComparer.Ordinal)
                .Select(h => Path.Join(h, MachineCgroups.ExistingHierarchyPath().TrimStart('/')))
                .First(d => File.Exists(Path.Join(d, "cgroup.procs")));
        }

        var link = Path.Join(Path.GetTempPath(), $"cgroup-link-{Guid.NewGuid():N}");
        File.CreateSymbolicLink(link, target);
        try
        {
            Assert.True(CgroupPaths.TryResolve(link, out var viaLink, out var error), error);
            Assert.True(CgroupPaths.TryResolve(target, out var direct, out _));
            Assert.Equal(direct, viaLink);
        }
        finally
        {
            File.Delete(link);
        }
    }

    [Fact]
    public void Every_cgroup_mount_of_this_machine_is_a_cgroup()
    {
        var mounts = File.ReadLines("/proc/self/mountinfo")
            .Select(line => line.Split(" - ", 2))
            .Where(parts => parts[1].StartsWith("cgroup", StringComparison.Ordinal))
            .Select(parts => parts[0].Split(' ')[4])
            .Where(mountPoint => mountPoint.StartsWith(CgroupPaths.DefaultMountRoot, StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(mounts);

        foreach (var mountPoint in mounts)
        {
            Assert.True(CgroupPaths.TryResolve(mountPoint, out var cgroup, out var error), error);
            Assert.Equal("/", cgroup.Path);
            Assert.NotNull(cgroup.Controller);
        }
    }

    [Fact]
    public void A_relative_mount_root_is_the_caller_s_mistake()
    {
        var error = Assert.Throws<ArgumentException>(() => CgroupPaths.TryResolve("/x", "sys/fs/cgroup", out _, out _));

        Assert.Equal("mountRoot", error.ParamName);
    }
}
