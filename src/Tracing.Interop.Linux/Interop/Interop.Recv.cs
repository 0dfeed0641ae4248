using System.Runtime.InteropServices;

internal static partial class Interop
{
    internal static partial class Libc
    {
        internal const int MSG_DONTWAIT = 0x40;

        [LibraryImport(Libraries.Libc, EntryPoint = "recv", SetLastError = true)]
        private static unsafe partial nint RecvRaw(int fd, byte* buffer, nuint length, int flags);

        /// <summary>Receives one datagram without blocking, retrying EINTR; returns its length, or -1 with <paramref name="errno"/> set.</summary>
        internal static unsafe int RecvNonBlocking(int fd, Span<byte> buffer, out int errno)
        {
            fixed (byte* p = buffer)
            {
                while (true)
                {
                    var received = RecvRaw(fd, p, (nuint)buffer.Length, MSG_DONTWAIT);
                    if (received >= 0)
                    {
                        errno = 0;
                        return (int)received;
                    }

                    errno = Marshal.GetLastPInvokeError();
                    if (errno != Errno.EINTR)
                    {
                        return -1;
                    }
                }
            }
        }
    }
}
