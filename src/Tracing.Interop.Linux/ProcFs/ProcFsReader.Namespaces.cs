using System.Globalization;
using System.Text;

namespace Tracing.Linux.ProcFs;

internal sealed partial class ProcFsReader
{
    private static readonly ContentParser<int> s_parseNamespacePid = ProcStatusParser.TryParseNamespacePid;

    // The tracer's own pid namespace inode, read once: 0 not yet read, ulong.MaxValue unreadable (then every
    // lookup reads the status file). Written once; a race only reads the same link twice.
    private ulong _ownPidNamespace;

    /// <inheritdoc />
    /// <remarks>
    /// The common case, a process in the tracer's own pid namespace, costs one <c>readlink</c> of
    /// <c>/proc/PID/ns/pid</c>; only a process in another namespace (or one whose link this process may not read:
    /// the link needs ptrace access, the status file does not) also costs a read of <c>/proc/PID/status</c>,
    /// whose <c>NSpid</c> line ends with the pid in the process's own namespace.
    /// </remarks>
    public bool TryReadNamespacePid(int pid, out int namespacePid)
    {
        namespacePid = 0;
        if (pid <= 0)
        {
            return false;
        }

        var own = OwnPidNamespace();
        if (own != ulong.MaxValue)
        {
            var pathLength = _rootUtf8.Length + MaxPathSuffixLength;
            var path = pathLength <= StackPathBufferSize ? stackalloc byte[StackPathBufferSize] : new byte[pathLength];
            path = path[..WritePath(path, pid, "/ns/pid"u8)];
            var errno = NamespaceLink.TryRead(path, "pid"u8, out var inode);
            if (errno == 0 && inode == own)
            {
                namespacePid = pid;
                return true;
            }

            if (errno is Interop.Errno.ENOENT or Interop.Errno.ESRCH)
            {
                return false;
            }
        }

        return TryReadFile(pid, "/status"u8, s_parseNamespacePid, out namespacePid);
    }

    private ulong OwnPidNamespace()
    {
        var own = Volatile.Read(ref _ownPidNamespace);
        if (own != 0)
        {
            return own;
        }

        // Through this reader's root, so a fake root in tests and the real /proc are read alike.
        var path = Encoding.UTF8.GetBytes(
            $"{_root}/{CurrentProcessId.ToString(CultureInfo.InvariantCulture)}/ns/pid\0");
        var errno = NamespaceLink.TryRead(path, "pid"u8, out own);
        own = errno == 0 && own != 0 ? own : ulong.MaxValue;
        Volatile.Write(ref _ownPidNamespace, own);
        return own;
    }
}
