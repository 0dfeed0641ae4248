using Tracing.Tests.Cgroups;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Tracing.Filtering;
using Tracing.Linux.ProcFs;
using Tracing.Ports;
using Tracing.Tracer;

namespace Tracing.Hosting.Tests.Configuration;

/// <summary><c>ExecTracing:Cgroup</c> is checked by <see cref="CgroupPaths"/>, as <c>exectrace --cgroup</c> is.</summary>
public class CgroupSettingTests
{
    // The filter a tracer of these options follows once started: the options' cgroup, found by the platform's reader.
    private static CgroupFilter TracedFilter(string cgroup)
    {
        using var provider = ConfiguredProvider.Build(new() { ["ExecTracing:Scope"] = "Cgroup", ["ExecTracing:Cgroup"] = cgroup });
        var filter = Assert.IsType<CgroupFilter>(provider.GetRequiredService<IOptions<ExecTracingOptions>>().Value.GetFilter());
        Assert.Equal(new CgroupFilter(cgroup), filter);
        return provider.GetRequiredService<IProcessInfoReader>().FindCgroup(filter.Path) is { } found
            ? new CgroupFilter(found.Path, found.Controllers)
            : filter;
    }

    [Fact]
    public void A_cgroup_under_the_mount_that_does_not_exist_fails_naming_the_key()
    {
        var message = ConfiguredProvider.FailureOf<ExecTracingOptions>(new() { ["ExecTracing:Scope"] = "Cgroup", ["ExecTracing:Cgroup"] = "/sys/fs/cgroup/nonexistent" });

        Assert.Equal("ExecTracing:Cgroup: no cgroup at /sys/fs/cgroup/nonexistent.", message);
    }

    [Fact]
    public void A_relative_cgroup_fails_without_naming_a_parameter()
    {
        var message = ConfiguredProvider.FailureOf<ExecTracingOptions>(new() { ["ExecTracing:Scope"] = "Cgroup", ["ExecTracing:Cgroup"] = "system.slice" });

        Assert.StartsWith("ExecTracing:Cgroup: The cgroup path 'system.slice' is relative", message, StringComparison.Ordinal);
        Assert.DoesNotContain("Parameter", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_mounted_cgroup_hierarchy_is_accepted_with_its_controllers()
    {
        // The first cgroup file system mounted under /sys/fs/cgroup, as /proc/self/mountinfo lists it.
        var (mountPoint, isV2) = File.ReadLines("/proc/self/mountinfo")
            .Select(line => line.Split(" - ", 2))
            .Select(parts => (MountPoint: parts[0].Split(' ')[4], FileSystem: parts[1].Split(' ')[0]))
            .Where(m => m.FileSystem is "cgroup" or "cgroup2" && m.MountPoint.StartsWith("/sys/fs/cgroup", StringComparison.Ordinal))
            .Select(m => (m.MountPoint, m.FileSystem == "cgroup2"))
            .First();

        // A v1 hierarchy's mount is named after its controllers.
        Assert.Equal(new CgroupFilter("/", isV2 ? "" : Path.GetFileName(mountPoint)), TracedFilter(mountPoint));
    }

    [Theory]
    [MemberData(nameof(CgroupCases.UserPaths), MemberType = typeof(CgroupCases))]
    public void The_setting_gets_the_resolver_verdict_and_message_as_the_command_line_does(string cgroup)
    {
        if (CgroupPaths.TryResolve(cgroup, out var resolved, out var error))
        {
            Assert.Equal(new CgroupFilter(resolved.Path, resolved.Controller), TracedFilter(cgroup));
        }
        else
        {
            var message = ConfiguredProvider.FailureOf<ExecTracingOptions>(new() { ["ExecTracing:Scope"] = "Cgroup", ["ExecTracing:Cgroup"] = cgroup });
            Assert.Equal($"ExecTracing:Cgroup: {error}", message);
        }
    }
}
