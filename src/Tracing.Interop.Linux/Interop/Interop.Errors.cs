using System.Runtime.InteropServices;
using Tracing;

internal static partial class Interop
{
    // From include/uapi/asm-generic/errno-base.h and errno.h (values checked against the headers with gcc: Tracing.Interop.Linux.Tests/Interop/StructLayout.c).
    internal static class Errno
    {
        internal const int EPERM = 1;
        internal const int ENOENT = 2;
        internal const int ESRCH = 3;
        internal const int EINTR = 4;
        internal const int ENXIO = 6;
        internal const int EAGAIN = 11;
        internal const int ENOMEM = 12;
        internal const int EACCES = 13;
        internal const int ENOTDIR = 20;
        internal const int EISDIR = 21;
        internal const int EINVAL = 22;
        internal const int ENOTTY = 25;
        internal const int ENAMETOOLONG = 36;
        internal const int ENOSYS = 38;
        internal const int ELOOP = 40;
        internal const int EPROTONOSUPPORT = 93;
        internal const int EAFNOSUPPORT = 97;
        internal const int ENOBUFS = 105;
        internal const int ECONNREFUSED = 111;
    }

    /// <summary>
    /// Reads errno at once after a call that returned <paramref name="result"/> (negative on failure, 0 in
    /// <paramref name="errno"/> on success). True when a signal interrupted the call and it is to be made again: every
    /// wrapper retries EINTR through here, <c>do { … } while (Interrupted(…))</c>.
    /// </summary>
    internal static bool Interrupted(nint result, out int errno)
    {
        errno = result < 0 ? Marshal.GetLastPInvokeError() : 0;
        return errno == Errno.EINTR;
    }

    /// <summary>The same for a call that returns a descriptor: invalid on failure.</summary>
    internal static bool Interrupted(SafeFileDescriptor fd, out int errno) => Interrupted(fd.IsInvalid ? -1 : 0, out errno);

    /// <summary>
    /// The one place errno becomes an exception, for any call: a refusal is an access error, anything else an
    /// <see cref="IOException"/> carrying the errno. No remedy is named: what would grant access depends on the call.
    /// </summary>
    internal static Exception GetExceptionForErrno(int errno, string operation) => errno switch
    {
        Errno.EPERM or Errno.EACCES => new UnauthorizedAccessException($"{operation} was refused ({Marshal.GetPInvokeErrorMessage(errno)})."),
        _ => new IOException($"{operation} failed: {Marshal.GetPInvokeErrorMessage(errno)} (errno {errno}).", errno),
    };

    /// <summary>
    /// The same for a call on the proc connector's netlink socket (open, bind, subscribe, receive), whose refusals
    /// have known causes: each names its remedy. Other errors are as <see cref="GetExceptionForErrno"/> makes them.
    /// </summary>
    internal static Exception GetExceptionForProcConnectorErrno(int errno, string operation) => errno switch
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
        _ => GetExceptionForErrno(errno, operation),
    };

    /// <summary>
    /// The same for bpf(2) and perf_event_open(2): a refusal names CAP_BPF and CAP_PERFMON. Where the call locks memory
    /// (<paramref name="locksMemory"/>: a map), EPERM and ENOMEM also name RLIMIT_MEMLOCK, which kernels before 5.11
    /// charge maps against. Other errors are as <see cref="GetExceptionForErrno"/> makes them.
    /// </summary>
    internal static Exception GetExceptionForBpfErrno(int errno, string operation, bool locksMemory = false)
    {
        const string Memlock = " Before Linux 5.11 a map's memory is also charged to the locked-memory limit: raise RLIMIT_MEMLOCK (ulimit -l, LimitMEMLOCK=).";
        return errno switch
        {
            Errno.EPERM or Errno.EACCES => new UnauthorizedAccessException(
                $"{operation} was refused ({Marshal.GetPInvokeErrorMessage(errno)}): it takes root, or the capabilities CAP_BPF and " +
                $"CAP_PERFMON (Linux 5.8+; CAP_SYS_ADMIN before).{(locksMemory ? Memlock : string.Empty)}"),
            Errno.ENOMEM when locksMemory => new IOException(
                $"{operation} failed: {Marshal.GetPInvokeErrorMessage(errno)} (errno {errno}).{Memlock}", errno),
            _ => GetExceptionForErrno(errno, operation),
        };
    }

    /// <summary>Throws the bpf(2) exception for <paramref name="errno"/> unless it is 0.</summary>
    internal static void ThrowIfBpfError(int errno, string operation, bool locksMemory = false)
    {
        if (errno != 0)
        {
            throw GetExceptionForBpfErrno(errno, operation, locksMemory);
        }
    }

    /// <summary>Throws the exception for <paramref name="errno"/> unless it is 0.</summary>
    internal static void ThrowIfError(int errno, string operation)
    {
        if (errno != 0)
        {
            throw GetExceptionForErrno(errno, operation);
        }
    }

    /// <summary>Throws the proc connector's exception for <paramref name="errno"/> unless it is 0.</summary>
    internal static void ThrowIfProcConnectorError(int errno, string operation)
    {
        if (errno != 0)
        {
            throw GetExceptionForProcConnectorErrno(errno, operation);
        }
    }
}
