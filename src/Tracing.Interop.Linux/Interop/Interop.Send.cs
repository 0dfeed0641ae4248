using System.Runtime.InteropServices;

internal static partial class Interop
{
    internal static partial class Libc
    {
        [LibraryImport(Libraries.Libc, EntryPoint = "send", SetLastError = true)]
        private static unsafe partial nint SendRaw(int fd, byte* buffer, nuint length, int flags);

        /// <summary>Sends one datagram, retrying EINTR; returns 0 or the errno.</summary>
        internal static unsafe int Send(int fd, ReadOnlySpan<byte> datagram)
        {
            fixed (byte* p = datagram)
            {
                while (true)
                {
                    if (SendRaw(fd, p, (nuint)datagram.Length, 0) >= 0)
                    {
                        return 0;
                    }

                    var errno = Marshal.GetLastPInvokeError();
                    if (errno != Errno.EINTR)
                    {
                        return errno;
                    }
                }
            }
        }
    }
}
