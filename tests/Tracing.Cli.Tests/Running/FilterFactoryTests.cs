using Tracing.Tests.Cgroups;
using Tracing.Cli.Running;
using Tracing.Filtering;
using Tracing.Linux.ProcFs;

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
    [InlineData("")]
    [InlineData("/")]
    public void Hierarchy_path_of_this_machine_is_kept_and_matches_in_any_hierarchy(string trailing)
    {
        var path = Tracing.Tests.Cgroups.MachineCgroups.ExistingHierarchyPath();

        var filter = FilterFactory.Create(new TraceSettings { Cgroup = path == "/" ? "/" : path + trailing });

        Assert.Equal(new CgroupFilter(path, null), filter);
    }

    [Fact]
    public void The_root_cgroup_is_in_every_hierarchy()
    {
        Assert.Equal(new CgroupFilter("/", null), FilterFactory.Create(new TraceSettings { Cgroup = "/" }));
    }

    [Fact]
    public void Every_cgroup_mount_of_this_machine_is_accepted_with_its_hierarchy()
    {
        // v2: /sys/fs/cgroup itself; v1: one mount per hierarchy below it (and maybe a hybrid cgroup2 one).
        var mounts = CgroupMounts().Where(m => m.MountPoint.StartsWith("/sys/fs/cgroup", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(mounts);

        foreach (var (mountPoint, isV2) in mounts)
        {
            var filter = FilterFactory.Create(new TraceSettings { Cgroup = mountPoint });

            Assert.Equal(new CgroupFilter("/", isV2 ? "" : Path.GetFileName(mountPoint)), filter);
        }
    }

    [Fact]
    public void Directory_without_cgroup_procs_is_a_usage_error()
    {
        using var root = new TempMountRoot();
        var cgroup = Directory.CreateDirectory(Path.Join(root.Path, "cpu", "foo")).FullName;

        var error = Assert.Throws<UsageException>(() => FilterFactory.Create(new TraceSettings { Cgroup = cgroup }, root.Path));

        Assert.Equal($"--cgroup: {cgroup} is not a cgroup (no cgroup.procs).", error.Message);
    }

    [Fact]
    public void Directory_with_a_cgroup_procs_file_off_the_cgroup_file_system_is_a_usage_error()
    {
        // What `echo $$ > /sys/fs/cgroup/x/cgroup.procs` leaves on a v1 machine's tmpfs: a plain file, no cgroup.
        using var root = new TempMountRoot();
        var cgroup = Directory.CreateDirectory(Path.Join(root.Path, "x")).FullName;
        File.WriteAllText(Path.Join(cgroup, "cgroup.procs"), "1234\n");

        var error = Assert.Throws<UsageException>(() => FilterFactory.Create(new TraceSettings { Cgroup = cgroup }, root.Path));

        Assert.Equal($"--cgroup: {cgroup} is not a cgroup (not on a cgroup file system).", error.Message);
    }

    [Fact]
    public void V1_mount_root_is_a_usage_error()
    {
        using var root = new TempMountRoot();

        var error = Assert.Throws<UsageException>(() => FilterFactory.Create(new TraceSettings { Cgroup = root.Path }, root.Path));

        Assert.StartsWith("--cgroup:", error.Message, StringComparison.Ordinal);
        Assert.Contains("no cgroup itself", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Parameter", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cgroup_under_the_mount_that_does_not_exist_is_a_usage_error()
    {
        var error = Assert.Throws<UsageException>(() => FilterFactory.Create(new TraceSettings { Cgroup = "/sys/fs/cgroup/no-such-hierarchy/no-such-cgroup.slice" }));

        Assert.Equal("--cgroup: no cgroup at /sys/fs/cgroup/no-such-hierarchy/no-such-cgroup.slice.", error.Message);
    }

    [Theory]
    [MemberData(nameof(CgroupCases.UserPaths), MemberType = typeof(CgroupCases))]
    public void Cgroup_gets_the_resolver_verdict_and_message_as_the_ExecTracing_setting_does(string cgroup)
    {
        if (CgroupPaths.TryResolve(cgroup, out var resolved, out var error))
        {
            Assert.Equal(new CgroupFilter(resolved.Path, resolved.Controller), FilterFactory.Create(new TraceSettings { Cgroup = cgroup }));
        }
        else
        {
            var usage = Assert.Throws<UsageException>(() => FilterFactory.Create(new TraceSettings { Cgroup = cgroup }));
            Assert.Equal($"--cgroup: {error}", usage.Message);
        }
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

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Follow_goes_with_the_command_filter(bool follow)
    {
        var filter = FilterFactory.Create(new TraceSettings { Command = ["./start-daemons"], Follow = follow });

        var command = Assert.IsType<CommandFilter>(filter);
        Assert.Equal(follow, command.Follow);
        Assert.True(command.IncludeTracerChildren);
    }

    /// <summary>The cgroup file systems mounted here, as /proc/self/mountinfo lists them.</summary>
    private static IEnumerable<(string MountPoint, bool IsV2)> CgroupMounts() =>
        File.ReadLines("/proc/self/mountinfo")
            .Select(line => line.Split(" - ", 2))
            .Select(parts => (MountPoint: parts[0].Split(' ')[4], FileSystem: parts[1].Split(' ')[0]))
            .Where(m => m.FileSystem is "cgroup" or "cgroup2")
            .Select(m => (m.MountPoint, m.FileSystem == "cgroup2"));

    private sealed class TempMountRoot : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("fake-cgroup-").FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
