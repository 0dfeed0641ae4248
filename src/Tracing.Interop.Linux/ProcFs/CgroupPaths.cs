using System.Diagnostics.CodeAnalysis;
using System.Text;
using Tracing.Linux.FileSystem;

namespace Tracing.Linux.ProcFs;

/// <summary>Turns the cgroup path a user types into the hierarchy and path <c>/proc/PID/cgroup</c> shows.</summary>
public static class CgroupPaths
{
    /// <summary>Where the cgroup file systems are normally mounted.</summary>
    public const string DefaultMountRoot = "/sys/fs/cgroup";

    // Only a cgroup v2 root has it: at the mount root when v2 is the only hierarchy, in its own directory in a hybrid setup.
    private const string UnifiedMarker = "cgroup.controllers";

    /// <summary>
    /// Turns the cgroup path a user typed into its hierarchy and its path within that hierarchy, and checks it: on cgroup
    /// v2 <c>/sys/fs/cgroup/system.slice/x.service</c> is <c>("", "/system.slice/x.service")</c>; on cgroup v1
    /// <c>/sys/fs/cgroup/cpu,cpuacct/foo</c> is <c>("cpu,cpuacct", "/foo")</c>, and a path under the mount root must be
    /// an existing cgroup (a directory with <c>cgroup.procs</c>, on a cgroup file system). A path outside the mount is
    /// taken to be a path within a hierarchy already, in any hierarchy: <c>(null, path)</c>, which only
    /// <c>/proc/PID/cgroup</c> can tell about, so it is not checked. Whether the mount is cgroup v2 (unified) is read
    /// from the mount root: v2 has <c>cgroup.controllers</c> there.
    /// </summary>
    /// <param name="userPath">An absolute path: under <see cref="DefaultMountRoot"/>, or already within a hierarchy.</param>
    /// <param name="cgroup">The hierarchy (null: any) and the path within it, when the path is a cgroup.</param>
    /// <param name="error">Why it is not, when it is not: a sentence naming the path, for the user.</param>
    /// <returns>True when <paramref name="userPath"/> names a cgroup.</returns>
    public static bool TryResolve(string? userPath, out (string? Controller, string Path) cgroup, [NotNullWhen(false)] out string? error) =>
        TryResolve(userPath, DefaultMountRoot, out cgroup, out error);

    /// <inheritdoc cref="TryResolve(string?, out ValueTuple{string?, string}, out string?)"/>
    /// <param name="userPath">An absolute path: under <paramref name="mountRoot"/>, or already within a hierarchy.</param>
    /// <param name="mountRoot">Where the cgroup file systems are mounted (not <see cref="DefaultMountRoot"/> in tests): absolute.</param>
    /// <param name="cgroup">The hierarchy (null: any) and the path within it, when the path is a cgroup.</param>
    /// <param name="error">Why it is not, when it is not: a sentence naming the path, for the user.</param>
    /// <exception cref="ArgumentException"><paramref name="mountRoot"/> is empty or relative.</exception>
    public static bool TryResolve(
        string? userPath, string mountRoot, out (string? Controller, string Path) cgroup, [NotNullWhen(false)] out string? error)
    {
        ThrowIfNotAbsolute(mountRoot, nameof(mountRoot));
        var isUnified = File.Exists(Path.Join(mountRoot, UnifiedMarker));
        var real = userPath is { Length: > 0 } && userPath[0] == '/' ? CgroupDirectory.Resolve(userPath) : userPath;
        error = TryMap(real, mountRoot, isUnified, out cgroup)
            ?? (cgroup.Controller is null
                ? CgroupDirectory.CheckInHierarchies(cgroup.Path, mountRoot, isUnified)
                : CgroupDirectory.CheckUnderMount(real!));
        return error is null;
    }

    /// <summary>Maps a path to its hierarchy and path within it, without checking that the cgroup exists.</summary>
    /// <exception cref="ArgumentException">The path is empty or relative, or it is the v1 mount root (no cgroup).</exception>
    internal static (string? Controller, string Path) Resolve(string userPath, string mountRoot = DefaultMountRoot) =>
        Resolve(userPath, mountRoot, isUnified: File.Exists(Path.Join(mountRoot, UnifiedMarker)));

    /// <summary>
    /// Maps a path under the cgroup mount to its hierarchy and its path within it, the mount's kind given. On cgroup v1
    /// the first directory under the mount root is a hierarchy's mount and names its controllers (<c>cpu,cpuacct</c>,
    /// <c>systemd</c> for <c>name=systemd</c>); a symbolic link there (<c>cpu</c> to <c>cpu,cpuacct</c>) is followed
    /// so that the controllers are all there, and a cgroup v2 mount there (<c>unified</c>) is the unified hierarchy.
    /// </summary>
    /// <param name="userPath">An absolute path: under the mount root, or already within a hierarchy.</param>
    /// <param name="mountRoot">Where the cgroup file systems are mounted.</param>
    /// <param name="isUnified">True for cgroup v2, mounted at the root itself; false for v1, one mount per hierarchy directory.</param>
    internal static (string? Controller, string Path) Resolve(string userPath, string mountRoot, bool isUnified)
    {
        ThrowIfNotAbsolute(mountRoot, nameof(mountRoot));
        var error = TryMap(userPath, mountRoot, isUnified, out var cgroup);
        return error is null ? cgroup : throw new ArgumentException(error, nameof(userPath));
    }

    // The mapping; null when it worked, else why not.
    private static string? TryMap(string? userPath, string mountRoot, bool isUnified, out (string? Controller, string Path) cgroup)
    {
        cgroup = default;
        var error = AbsolutePathError(userPath);
        if (error is not null)
        {
            return error;
        }

        var path = Normalize(userPath!);
        var root = Normalize(mountRoot);
        if (!TryStripPrefix(path, root, out var relative))
        {
            cgroup = (null, path);
            return null;
        }

        if (isUnified)
        {
            cgroup = (string.Empty, "/" + relative);
            return null;
        }

        if (relative.Length == 0)
        {
            return $"'{userPath}' holds the cgroup v1 hierarchies and is no cgroup itself; name one, e.g. {Path.Join(root, "cpu")} or {Path.Join(root, "memory", "foo")}.";
        }

        var slash = relative.IndexOf('/', StringComparison.Ordinal);
        var hierarchy = slash < 0 ? relative : relative[..slash];
        var below = slash < 0 ? string.Empty : relative[(slash + 1)..];
        cgroup = (HierarchyControllers(Path.Join(root, hierarchy), hierarchy), "/" + below);
        return null;
    }

    /// <summary>True when <paramref name="path"/> is on a cgroup file system (v1 or v2), not merely under its mount root.</summary>
    /// <param name="path">The path to check.</param>
    /// <returns>True when it is on a cgroup file system; false otherwise, or when it cannot be read (it does not exist).</returns>
    /// <remarks>A plain directory on the tmpfs that holds the v1 mounts may even have a file named <c>cgroup.procs</c>.</remarks>
    public static bool IsOnCgroupFileSystem(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var utf8 = Encoding.UTF8.GetBytes(path + "\0");
        return Interop.Libc.StatFs(utf8, out var info) == 0
            && info.f_type is StatFs.CGROUP_SUPER_MAGIC or StatFs.CGROUP2_SUPER_MAGIC;
    }

    /// <summary>
    /// Where the cgroup v2 (unified) hierarchy is mounted: <see cref="DefaultMountRoot"/> itself, or its <c>unified</c>
    /// folder beside v1 hierarchies (a hybrid setup); null when it is not mounted.
    /// </summary>
    internal static string? FindUnifiedMount()
    {
        foreach (var mount in (ReadOnlySpan<string>)[DefaultMountRoot, DefaultMountRoot + "/unified"])
        {
            if (Interop.Libc.StatFs(Encoding.UTF8.GetBytes(mount + "\0"), out var info) == 0 && info.f_type == StatFs.CGROUP2_SUPER_MAGIC)
            {
                return mount;
            }
        }

        return null;
    }

    private static string HierarchyControllers(string hierarchyRoot, string typedName)
    {
        if (File.Exists(Path.Join(hierarchyRoot, UnifiedMarker)))
        {
            return string.Empty;
        }

        // A co-mounted controller is often reached through a symbolic link named after it: cpu -> cpu,cpuacct.
        FileSystemInfo? target;
        try
        {
            target = new DirectoryInfo(hierarchyRoot).ResolveLinkTarget(returnFinalTarget: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Not there (or not ours to read): the name as typed is all there is; the caller checks existence.
            return typedName;
        }

        var targetName = target is null ? string.Empty : Path.GetFileName(Path.TrimEndingDirectorySeparator(target.FullName));
        return targetName.Length > 0 ? targetName : typedName;
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

        if (path == root)
        {
            return true;
        }

        if (!path.StartsWith(root + "/", StringComparison.Ordinal))
        {
            return false;
        }

        relative = path[(root.Length + 1)..];
        return true;
    }

    // Collapses "//", "." and ".." as the kernel would and drops trailing slashes; symbolic links are left alone.
    private static string Normalize(string path)
    {
        var full = Path.GetFullPath(path);
        var trimmed = full.TrimEnd('/');
        return trimmed.Length == 0 ? "/" : trimmed;
    }

    private static void ThrowIfNotAbsolute(string path, string parameterName)
    {
        if (AbsolutePathError(path) is string error)
        {
            throw new ArgumentException(error, parameterName);
        }
    }

    private static string? AbsolutePathError(string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return "A cgroup path is needed, e.g. /sys/fs/cgroup/system.slice/x.service or /system.slice/x.service.";
        }

        return path[0] == '/' ? null : $"The cgroup path '{path}' is relative; give an absolute path, e.g. /sys/fs/cgroup/{path} or /{path}.";
    }
}
