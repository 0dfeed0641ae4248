using System.Diagnostics.CodeAnalysis;

namespace Tracing.Linux.ProcFs;

internal sealed partial class ProcFsReader
{
    private readonly PasswdCache _passwd = new();

    /// <inheritdoc />
    /// <remarks>
    /// Reads <c>/proc/PID/root/etc/passwd</c>, the passwd file of the process's own root (a container's, a chroot's),
    /// through a cache shared by every process of that root: a lookup costs one <c>statx</c> while the file is
    /// unchanged. (An absolute symbolic link at the container's <c>/etc/passwd</c> resolves against the tracer's root.)
    /// </remarks>
    public bool TryReadUserName(int pid, uint uid, [NotNullWhen(true)] out string? name)
    {
        name = null;
        if (pid <= 0)
        {
            return false;
        }

        var pathLength = _rootUtf8.Length + MaxPathSuffixLength;
        var path = pathLength <= StackPathBufferSize ? stackalloc byte[StackPathBufferSize] : new byte[pathLength];
        path = path[..WritePath(path, pid, "/root/etc/passwd"u8)];
        var errno = _passwd.TryGetName(path, uid, out name);
        return errno == 0 ? name is not null : FalseOrThrow(errno, "read", path);
    }
}
