using Tracing.Ports;

namespace Tracing.Filtering;

/// <summary>Processes in a cgroup or one of its descendants.</summary>
/// <param name="Path">The cgroup's path within its hierarchy, starting with '/'.</param>
/// <param name="Controller">
/// Which hierarchy <paramref name="Path"/> is in: null for any (v2 or any v1 hierarchy); <c>""</c> for the cgroup v2
/// unified hierarchy only (the <c>0::</c> line); otherwise a v1 hierarchy named by its controllers, e.g. <c>cpu</c>,
/// <c>cpu,cpuacct</c> or <c>name=systemd</c>, matching every hierarchy that shares a controller with it.
/// </param>
public sealed record CgroupFilter(string Path, string? Controller = null) : ExecTraceFilter
{
    private const string NamedHierarchyPrefix = "name=";

    /// <inheritdoc />
    public override void Validate()
    {
        if (string.IsNullOrEmpty(Path) || Path[0] != '/')
        {
            throw new ArgumentException($"The cgroup path must start with '/'; got '{Path}'.", nameof(Path));
        }

        if (Controller is { Length: > 0 } controller && (controller.AsSpan().ContainsAny(":/") || controller.Split(',').Contains(string.Empty)))
        {
            throw new ArgumentException(
                $"The cgroup controller must be a comma-separated list of controllers such as 'cpu,cpuacct' or 'name=systemd'; got '{controller}'.",
                nameof(Controller));
        }
    }

    /// <summary>
    /// Without a hierarchy: the hierarchy and path the platform finds for <see cref="Path"/> (Linux: a /sys/fs/cgroup
    /// path becomes its hierarchy's path); itself otherwise.
    /// </summary>
    internal override ValueTask<ExecTraceFilter> ResolveAsync(IProcessInfoReader reader, IContainerEngine? engine, CancellationToken cancellationToken) =>
        ValueTask.FromResult<ExecTraceFilter>(
            Controller is null && reader.FindCgroup(Path) is { } found ? new CgroupFilter(found.Path, found.Controllers) : this);

    /// <summary>A cgroup of the unified hierarchy alone is the kernel's to decide (a v1 one, or one of any hierarchy, is not).</summary>
    internal override KernelScope KernelScope => Controller is { Length: 0 } ? new KernelScope { UnifiedCgroup = Path } : KernelScope.Everything;

    /// <inheritdoc />
    internal override ScopeVerdict Admit(int pid, IProcessInfoReader reader) =>
        !reader.TryReadCgroups(pid, out var memberships) ? ScopeVerdict.Undecided
        : Matches(memberships) ? ScopeVerdict.In
        : ScopeVerdict.Out;

    /// <summary>True when one of a process's cgroups, in this filter's hierarchy, is this cgroup or below it.</summary>
    /// <param name="memberships">The process's cgroups, as <c>/proc/PID/cgroup</c> lists them.</param>
    /// <returns>True when the process is in the cgroup or below it; otherwise false.</returns>
    public bool Matches(IReadOnlyList<CgroupMembership> memberships)
    {
        ArgumentNullException.ThrowIfNull(memberships);
        var root = Path.Length > 1 ? Path.AsSpan().TrimEnd('/') : Path.AsSpan();
        foreach (var membership in memberships)
        {
            if (IsInHierarchy(membership.Controllers) && IsAtOrBelow(membership.Path, root))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsAtOrBelow(string candidate, ReadOnlySpan<char> root) =>
        root is "/"
        || candidate.AsSpan().SequenceEqual(root)
        || (candidate.Length > root.Length && candidate.AsSpan().StartsWith(root, StringComparison.Ordinal) && candidate[root.Length] == '/');

    private bool IsInHierarchy(string controllers)
    {
        if (Controller is null)
        {
            return true;
        }

        // The unified hierarchy has no controller list on its line; a v1 filter never matches it, nor the reverse.
        if (Controller.Length == 0 || controllers.Length == 0)
        {
            return Controller.Length == 0 && controllers.Length == 0;
        }

        foreach (var wanted in Controller.AsSpan().Split(','))
        {
            var wantedName = Controller.AsSpan()[wanted];
            foreach (var present in controllers.AsSpan().Split(','))
            {
                if (IsSameController(wantedName, controllers.AsSpan()[present]))
                {
                    return true;
                }
            }
        }

        return false;
    }

    // A named hierarchy's directory is usually mounted without the prefix: "systemd" is the "name=systemd" hierarchy.
    private static bool IsSameController(ReadOnlySpan<char> wanted, ReadOnlySpan<char> present) =>
        wanted.SequenceEqual(present)
        || (present.StartsWith(NamedHierarchyPrefix, StringComparison.Ordinal) && present[NamedHierarchyPrefix.Length..].SequenceEqual(wanted));

    /// <summary>What it traces, for logs and messages: <c>cgroup /system.slice/x.service</c> (and its v1 controller).</summary>
    /// <returns>What the filter traces, in words.</returns>
    public override string ToString() => Controller is null ? $"cgroup {Path}" : $"cgroup {Path} ({Controller} hierarchy)";
}
