using System.Runtime.InteropServices;
using Tracing;

internal static partial class Interop
{
    // From XNU bsd/sys/errno.h.
    internal static class Errno
    {
        internal const int EPERM = 1;
        internal const int ESRCH = 3;
        internal const int EINTR = 4;
        internal const int EIO = 5;
        internal const int ENOMEM = 12;
        internal const int EACCES = 13;
        internal const int EINVAL = 22;

        /// <summary>A call failed without setting errno.</summary>
        internal const int Unknown = -1;
    }

    /// <summary>
    /// Reads errno at once after a call that returned <paramref name="result"/> (non-zero on failure, 0 in
    /// <paramref name="errno"/> on success). True when a signal interrupted the call and it is to be made again: every
    /// wrapper retries EINTR through here, <c>do { … } while (Interrupted(…))</c>. A failure without errno (seen in the
    /// wild: psutil #2708) stays a failure, <see cref="Errno.Unknown"/>.
    /// </summary>
    internal static bool Interrupted(int result, out int errno)
    {
        errno = result == 0 ? 0 : Marshal.GetLastPInvokeError() is var e and not 0 ? e : Errno.Unknown;
        return errno == Errno.EINTR;
    }

    /// <summary>The one place errno becomes an exception.</summary>
    internal static Exception GetExceptionForErrno(int errno, string operation) => errno switch
    {
        Errno.EPERM or Errno.EACCES => new TracingUnavailableException(
            $"{operation} was refused ({Describe(errno)}): listing processes needs no privilege on macOS, so a sandbox " +
            "(App Sandbox, a restricted container) is refusing it; run the tracer outside the sandbox."),
        _ => new IOException($"{operation} failed: {Describe(errno)} (errno {errno}).", errno),
    };

    // errno values differ between Linux and Darwin: name the common ones here rather than ask the host's strerror.
    private static string Describe(int errno) => errno switch
    {
        Errno.EPERM => "Operation not permitted",
        Errno.EACCES => "Permission denied",
        Errno.ENOMEM => "Cannot allocate memory",
        Errno.EINVAL => "Invalid argument",
        Errno.EIO => "Input/output error",
        _ => OperatingSystem.IsMacOS() ? Marshal.GetPInvokeErrorMessage(errno) : "errno " + errno,
    };
}
