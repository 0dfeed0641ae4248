namespace Tracing.Filtering;

/// <summary>Processes in a cgroup or one of its descendants.</summary>
/// <param name="Path">The cgroup's path within its hierarchy, starting with '/'.</param>
public sealed record CgroupFilter(string Path) : ExecTraceFilter
{
    /// <inheritdoc />
    public override void Validate()
    {
        if (string.IsNullOrEmpty(Path) || Path[0] != '/')
        {
            throw new ArgumentException($"The cgroup path must start with '/'; got '{Path}'.", nameof(Path));
        }
    }

    /// <summary>True when one of a process's cgroup paths is this cgroup or below it.</summary>
    public bool Matches(IReadOnlyList<string> processCgroupPaths)
    {
        ArgumentNullException.ThrowIfNull(processCgroupPaths);
        var root = Path.Length > 1 ? Path.TrimEnd('/') : Path;
        foreach (var candidate in processCgroupPaths)
        {
            if (root == "/"
                || candidate == root
                || (candidate.Length > root.Length && candidate.StartsWith(root, StringComparison.Ordinal) && candidate[root.Length] == '/'))
            {
                return true;
            }
        }

        return false;
    }
}
