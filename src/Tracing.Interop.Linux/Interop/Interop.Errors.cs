using System.Runtime.InteropServices;
using Tracing;

internal static partial class Interop
{
    // From include/uapi/asm-generic/errno-base.h and errno.h.
    internal static class Errno
    {
        internal const int EPERM = 1;
        internal const int ENOENT = 2;
        internal const int ESRCH = 3;
        internal const int EINTR = 4;
        internal const int EAGAIN = 11;
        internal const int EACCES = 13;
        internal const int ENOTDIR = 20;
        internal const int EINVAL = 22;
        internal const int EPROTONOSUPPORT = 93;
        internal const int EAFNOSUPPORT = 97;
        internal const int ENOBUFS = 105;
        internal const int ECONNREFUSED = 111;
    }

    /// <summary>The one place errno becomes an exception.</summary>
    internal static Exception GetExceptionForErrno(int errno, string operation) => errno switch
    {
        Errno.EPERM or Errno.EACCES => new UnauthorizedAccessException(
            $"{operation} was refused ({Marshal.GetPInvokeErrorMessage(errno)}): run as root or grant the CAP_NET_ADMIN capability " +
            "(e.g. sudo setcap cap_net_admin+ep on the executable); Linux 6.6 and later need no capability to listen."),
        Errno.EPROTONOSUPPORT or Errno.EAFNOSUPPORT => new TracingUnavailableException(
            $"{operation} failed ({Marshal.GetPInvokeErrorMessage(errno)}): this kernel has no proc connector " +
            "(CONFIG_CONNECTOR and CONFIG_PROC_EVENTS must be enabled)."),
        Errno.ECONNREFUSED => new TracingUnavailableException(
            $"{operation} failed ({Marshal.GetPInvokeErrorMessage(errno)}): the proc connector answers only in the initial network " +
            "namespace; run the tracer on the host (or with --network host), not in a separate network namespace."),
        _ => new IOException($"{operation} failed: {Marshal.GetPInvokeErrorMessage(errno)} (errno {errno}).", errno),
    };
}
