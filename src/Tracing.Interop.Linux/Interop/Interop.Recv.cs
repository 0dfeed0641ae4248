using System.Runtime.InteropServices;

internal static partial class Interop
{
    internal static partial class Libc
    {
        // From include/linux/socket.h.
        internal const int MSG_DONTWAIT = 0x40;

        [LibraryImport(Libraries.Libc, EntryPoint = "recv", SetLastError = true)]
        private static unsafe partial nint RecvRaw(SafeFileDescriptor fd, byte* buffer, nuint length, int flags);

        /// <summary>Receives one datagram without blocking; returns 0 or the errno (EAGAIN when none is queued).</summary>
        /// <param name="fd">The socket.</param>
        /// <param name="buffer">Receives the datagram.</param>
        /// <param name="received">The datagram's length.</param>
        internal static unsafe int RecvNonBlocking(SafeFileDescriptor fd, Span<byte> buffer, out int received)
        {
            fixed (byte* p = buffer)
            {
                nint result;
                int errno;
                do
                {
                    result = RecvRaw(fd, p, (nuint)buffer.Length, MSG_DONTWAIT);
                }
                while (Interrupted(result, out errno));

                received = (int)Math.Max(result, 0);
                return errno;
            }
        }
    }
}
