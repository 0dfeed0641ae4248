using System.Runtime.InteropServices;

internal static partial class Interop
{
    internal static partial class Libc
    {
        // From include/uapi/asm-generic/socket.h.
        internal const int SOL_SOCKET = 1;
        internal const int SO_RCVBUF = 8;
        internal const int SO_RCVBUFFORCE = 33;

        [LibraryImport(Libraries.Libc, EntryPoint = "setsockopt", SetLastError = true)]
        private static unsafe partial int SetSockOptRaw(int fd, int level, int name, void* value, uint length);

        /// <summary>Sets an int socket option; returns 0 or the errno.</summary>
        internal static unsafe int SetSockOpt(int fd, int level, int name, int value) =>
            SetSockOptRaw(fd, level, name, &value, sizeof(int)) == 0 ? 0 : Marshal.GetLastPInvokeError();
    }
}
