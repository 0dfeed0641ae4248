namespace Tracing.Containers;

/// <summary>Walks a cgroup path's components from the innermost out, without allocating.</summary>
internal static class CgroupPathComponents
{
    /// <summary>
    /// The last component of <paramref name="path"/> and the path above it. Empty and <c>.</c> components are skipped,
    /// as the file system would resolve them; empty when no component is left.
    /// </summary>
    public static ReadOnlySpan<char> Last(ReadOnlySpan<char> path, out ReadOnlySpan<char> parent)
    {
        while (!path.IsEmpty)
        {
            var slash = path.LastIndexOf('/');
            var name = path[(slash + 1)..];
            path = slash < 0 ? default : path[..slash];
            if (!name.IsEmpty && !name.SequenceEqual("."))
            {
                parent = path;
                return name;
            }
        }

        parent = default;
        return default;
    }
}
