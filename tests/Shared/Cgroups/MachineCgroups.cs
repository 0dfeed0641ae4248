namespace Tracing.Tests.Cgroups;

/// <summary>Cgroups that exist on this machine, for tests that must name a real one.</summary>
internal static class MachineCgroups
{
    private const string MountRoot = "/sys/fs/cgroup";

    /// <summary>
    /// A path within a hierarchy, as <c>/proc/PID/cgroup</c> shows it, that one of this machine's hierarchies holds: a
    /// cgroup below a hierarchy's root when there is one, else the root cgroup <c>/</c>, which every hierarchy has.
    /// </summary>
    public static string ExistingHierarchyPath()
    {
        var unified = File.Exists(Path.Join(MountRoot, "cgroup.controllers"));
        var roots = unified ? [MountRoot] : Directory.EnumerateDirectories(MountRoot).Order(StringComparer.Ordinal).ToArray();
        foreach (var root in roots)
        {
            var child = Directory.EnumerateDirectories(root)
                .Order(StringComparer.Ordinal)
                .FirstOrDefault(d => File.Exists(Path.Join(d, "cgroup.procs")));
            if (child is not null)
            {
                return "/" + Path.GetFileName(child);
            }
        }

        return "/";
    }
}
