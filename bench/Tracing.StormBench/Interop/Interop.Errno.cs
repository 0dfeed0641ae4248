using System.Runtime.InteropServices;

internal static partial class Interop
{
    // From include/uapi/asm-generic/errno-base.h.
    internal static class Errno
    {
        internal const int ESRCH = 3;
        internal const int EINTR = 4;
        internal const int ECHILD = 10;
    }

    /// <summary>The one place errno becomes an exception.</summary>
    internal static IOException GetExceptionForErrno(int errno, string operation) =>
        new($"{operation} failed: {Marshal.GetPInvokeErrorMessage(errno)} (errno {errno}).", errno);
}
