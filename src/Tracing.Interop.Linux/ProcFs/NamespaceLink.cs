using System.Globalization;

namespace Tracing.Linux.ProcFs;

/// <summary>
/// A namespace link of <c>/proc/PID/ns</c>, whose target names the namespace as <c>type:[inode]</c> (e.g.
/// <c>pid:[4026531836]</c>): two processes are in the same namespace exactly when the inodes are equal.
/// </summary>
internal static class NamespaceLink
{
    // "user:[" + 20 digits + "]" fits; a target that fills the buffer is not a namespace link.
    private const int TargetBufferSize = 64;

    /// <summary>Parses <c>type:[inode]</c>; false for any other shape, or another type.</summary>
    /// <param name="target">The link's target.</param>
    /// <param name="type">The namespace type expected before the colon, e.g. <c>pid</c>.</param>
    /// <param name="inode">The namespace's inode number.</param>
    public static bool TryParse(ReadOnlySpan<byte> target, ReadOnlySpan<byte> type, out ulong inode)
    {
        inode = 0;
        if (!target.StartsWith(type) || !target[type.Length..].StartsWith(":["u8) || target.IsEmpty || target[^1] != (byte)']')
        {
            return false;
        }

        var digits = target[(type.Length + 2)..^1];
        return ulong.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out inode) && inode != 0;
    }

    /// <summary>Reads the link at <paramref name="path"/> and parses its inode; returns 0 or the errno.</summary>
    /// <param name="path">The link's path as UTF-8, NUL-terminated.</param>
    /// <param name="type">The namespace type expected.</param>
    /// <param name="inode">The inode; 0 when the link was read but is not a <paramref name="type"/> namespace link.</param>
    public static int TryRead(ReadOnlySpan<byte> path, ReadOnlySpan<byte> type, out ulong inode)
    {
        inode = 0;
        Span<byte> target = stackalloc byte[TargetBufferSize];
        var errno = Interop.Libc.ReadLink(path, target, out var length);
        if (errno == 0 && length < target.Length)
        {
            TryParse(target[..length], type, out inode);
        }

        return errno;
    }
}
