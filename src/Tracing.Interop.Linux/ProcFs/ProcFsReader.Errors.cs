using System.Text;
using Errno = Interop.Errno;

namespace Tracing.Linux.ProcFs;

internal sealed partial class ProcFsReader
{
    /// <summary>
    /// False for what a /proc reader expects: the process is gone (ENOENT, ESRCH), never was, is not ours to
    /// inspect (EACCES, EPERM), or the entry is not what a process directory holds. Anything else (EMFILE, ENOMEM,
    /// EIO...) is a fault of this process or the system, and throws rather than hide every later read.
    /// </summary>
    private static bool FalseOrThrow(int errno, string operation, ReadOnlySpan<byte> path) => errno switch
    {
        Errno.ENOENT or Errno.ESRCH or Errno.EACCES or Errno.EPERM
            or Errno.ENOTDIR or Errno.EINVAL or Errno.ENXIO or Errno.EISDIR or Errno.ENAMETOOLONG or Errno.ELOOP => false,
        _ => throw Interop.GetExceptionForErrno(errno, $"{operation} {Encoding.UTF8.GetString(path[..^1])}"),
    };
}
