using System.Text;

namespace Tracing.Linux.ProcFs;

/// <summary>Whether a path the user named is a cgroup that exists: the checks behind <see cref="CgroupPaths.TryResolve(string?, out ValueTuple{string?, string}, out string?)"/>.</summary>
internal static class CgroupDirectory
{
    private const string ProcsFile = "cgroup.procs";

    /// <summary>The path with its symbolic links, "." and ".." resolved when it exists (a link to a cgroup is that cgroup); else as given.</summary>
    public static string Resolve(string path)
    {
        Span<byte> resolved = stackalloc byte[Interop.Libc.PathMax];
        if (Interop.Libc.RealPath(Encoding.UTF8.GetBytes(path + "\0"), resolved) != 0)
        {
            return path;
        }

        var length = resolved.IndexOf((byte)0);
        return Encoding.UTF8.GetString(resolved[..(length < 0 ? resolved.Length : length)]);
    }

    /// <summary>Why a directory under the mount root is not a cgroup, or null when it is one.</summary>
    public static string? CheckUnderMount(string userPath) =>
        !Directory.Exists(userPath) ? $"no cgroup at {userPath}."
        : !File.Exists(Path.Join(userPath, ProcsFile)) ? $"{userPath} is not a cgroup (no {ProcsFile})."
        : !CgroupPaths.IsOnCgroupFileSystem(userPath) ? $"{userPath} is not a cgroup (not on a cgroup file system)."
        : null;

    /// <summary>
    /// Why a path within a hierarchy (as <c>/proc/PID/cgroup</c> shows it) is in none of the hierarchies mounted under
    /// <paramref name="mountRoot"/>, or null when one holds it.
    /// </summary>
    public static string? CheckInHierarchies(string hierarchyPath, string mountRoot, bool isUnified)
    {
        var relative = hierarchyPath.TrimStart('/');
        if (isUnified)
        {
            return IsCgroup(Path.Join(mountRoot, relative)) ? null : NotFound(hierarchyPath, mountRoot);
        }

        try
        {
            foreach (var hierarchy in Directory.EnumerateDirectories(mountRoot))
            {
                if (IsCgroup(Path.Join(hierarchy, relative)))
                {
                    return null;
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"the cgroup hierarchies under {mountRoot} cannot be read to find {hierarchyPath}: {e.Message}";
        }

        return NotFound(hierarchyPath, mountRoot);
    }

    private static bool IsCgroup(string directory) =>
        Directory.Exists(directory) && File.Exists(Path.Join(directory, ProcsFile)) && CgroupPaths.IsOnCgroupFileSystem(directory);

    private static string NotFound(string hierarchyPath, string mountRoot) =>
        $"no cgroup {hierarchyPath} in the hierarchies under {mountRoot}; name a cgroup directory under {mountRoot}, or a path as /proc/PID/cgroup shows it.";
}
