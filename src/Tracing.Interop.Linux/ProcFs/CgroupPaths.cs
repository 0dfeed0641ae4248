namespace Tracing.Interop.Linux.ProcFs;

/// <summary>Turns the cgroup path a user types into the path <c>/proc/PID/cgroup</c> shows.</summary>
public static class CgroupPaths
{
    /// <summary>Where the cgroup file systems are normally mounted.</summary>
    public const string DefaultMountRoot = "/sys/fs/cgroup";

    /// <summary>
    /// Maps a path under the cgroup mount (<c>/sys/fs/cgroup/system.slice/x.service</c>) to its path within the
    /// hierarchy (<c>/system.slice/x.service</c>); a path outside the mount is taken to be one already.
    /// Whether the mount is cgroup v2 (unified) is read from the mount root: v2 has <c>cgroup.controllers</c> there.
    /// </summary>
    /// <param name="userPath">An absolute path: under the mount root, or already within a hierarchy.</param>
    /// <param name="cgroupMountRoot">Where the cgroup file systems are mounted.</param>
    /// <exception cref="ArgumentException">The path is empty or relative.</exception>
    public static string ToHierarchyPath(string userPath, string cgroupMountRoot = DefaultMountRoot)
    {
        ValidateAbsolute(userPath, nameof(userPath));
        ValidateAbsolute(cgroupMountRoot, nameof(cgroupMountRoot));
        var isUnified = File.Exists(Path.Join(cgroupMountRoot, "cgroup.controllers"));
        return ToHierarchyPath(userPath, cgroupMountRoot, isUnified);
    }

    /// <summary>
    /// Maps a path under the cgroup mount to its path within the hierarchy, the mount's kind given. On cgroup v1 the
    /// first directory under the mount root names the controllers (<c>cpu,cpuacct</c>) and is not part of the path.
    /// </summary>
    /// <param name="userPath">An absolute path: under the mount root, or already within a hierarchy.</param>
    /// <param name="cgroupMountRoot">Where the cgroup file systems are mounted.</param>
    /// <param name="isUnified">True for cgroup v2, mounted at the root itself; false for v1, one mount per controller directory.</param>
    /// <exception cref="ArgumentException">The path is empty or relative.</exception>
    public static string ToHierarchyPath(string userPath, string cgroupMountRoot, bool isUnified)
    {
        ValidateAbsolute(userPath, nameof(userPath));
        ValidateAbsolute(cgroupMountRoot, nameof(cgroupMountRoot));
        var path = TrimTrailingSlashes(userPath);
        var mountRoot = TrimTrailingSlashes(cgroupMountRoot);
        if (!TryStripPrefix(path, mountRoot, out var relative))
        {
            return path;
        }

        if (!isUnified && relative.Length > 0)
        {
            // Drop the controller directory: "cpu,cpuacct/foo" is "/foo" in the cpu,cpuacct hierarchy.
            var slash = relative.IndexOf('/', StringComparison.Ordinal);
            relative = slash < 0 ? string.Empty : relative[(slash + 1)..];
        }

        return "/" + relative;
    }

    /// <summary>True when <paramref name="path"/> is <paramref name="root"/> or below it; <paramref name="relative"/> has no leading '/'.</summary>
    private static bool TryStripPrefix(string path, string root, out string relative)
    {
        relative = string.Empty;
        if (root == "/")
        {
            relative = path.TrimStart('/');
            return true;
        }

        if (!path.StartsWith(root, StringComparison.Ordinal))
        {
            return false;
        }

        if (path.Length == root.Length)
        {
            return true;
        }

        if (path[root.Length] != '/')
        {
            return false;
        }

        relative = path[(root.Length + 1)..].TrimStart('/');
        return true;
    }

    private static string TrimTrailingSlashes(string path)
    {
        var trimmed = path.TrimEnd('/');
        return trimmed.Length == 0 ? "/" : trimmed;
    }

    private static void ValidateAbsolute(string path, string parameterName)
    {
        if (string.IsNullOrEmpty(path))
        {
            throw new ArgumentException("A cgroup path is needed, e.g. /sys/fs/cgroup/system.slice/x.service or /system.slice/x.service.", parameterName);
        }

        if (path[0] != '/')
        {
            throw new ArgumentException(
                $"The cgroup path '{path}' is relative; give an absolute path, e.g. /sys/fs/cgroup/{path} or /{path}.", parameterName);
        }
    }
}
