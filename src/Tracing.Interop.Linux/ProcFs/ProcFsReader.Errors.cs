using System.Text;
using Errno = Interop.Errno;

namespace Tracing.Interop.Linux.ProcFs;

public sealed partial class ProcFsReader
{
    // From include/uapi/asm-generic/errno-base.h and errno.h; the rest are in Interop.Errno.
    private const int ENXIO = 6;
    private const int EISDIR = 21;
    private const int ENAMETOOLONG = 36;
    private const int ELOOP = 40;

    /// <summary>
    /// False for what a /proc reader expects: the process is gone (ENOENT, ESRCH), never was, is not ours to
    /// inspect (EACCES, EPERM), or the entry is not what a process directory holds. Anything else (EMFILE, ENOMEM,
    /// EIO...) is a fault of this process or the system, and throws rather than hide every later read.
    /// </summary>
    private static bool FalseOrThrow(int errno, string operation, ReadOnlySpan<byte> path) => errno switch
    {
        Errno.ENOENT or Errno.ESRCH or Errno.EACCES or Errno.EPERM
            or Errno.ENOTDIR or Errno.EINVAL or ENXIO or EISDIR or ENAMETOOLONG or ELOOP => false,
        _ => throw global::Interop.GetExceptionForErrno(errno, $"{operation} {Encoding.UTF8.GetString(path[..^1])}"),
    };
}
