namespace Tracing.Tests.Cgroups;

/// <summary>Cgroup paths a user may give, good and bad: every front end must give the resolver's verdict and message for each.</summary>
public static class CgroupCases
{
    public static TheoryData<string> UserPaths { get; } =
    [
        "/sys/fs/cgroup/nonexistent",
        "/sys/fs/cgroup/cpu/nonexistent.slice",
        "/sys/fs/cgroup",
        "/sys/fs/cgroup/cpu",
        "/sys/fs/cgroup/unified",
        "/sys/fs/cgroup/cgroup.procs",
        "/sys/fs/cgroup/cpu/../../../etc",
        "/system.slice/x.service",
        "/etc/passwd",
        "/",
        "system.slice",
    ];
}
