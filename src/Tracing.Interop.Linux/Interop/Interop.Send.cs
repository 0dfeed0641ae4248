using System.Runtime.InteropServices;

internal static partial class Interop
{
    internal static partial class Libc
    {
        [LibraryImport(Libraries.Libc, EntryPoint = "send", SetLastError = true)]
        private static unsafe partial nint SendRaw(SafeFileDescriptor fd, byte* buffer, nuint length, int flags);

        /// <summary>Sends one datagram; returns 0 or the errno.</summary>
        internal static unsafe int Send(SafeFileDescriptor fd, ReadOnlySpan<byte> datagram)
        {
            fixed (byte* p = datagram)
            {
                int errno;
                while (Interrupted(SendRaw(fd, p, (nuint)datagram.Length, 0), out errno))
                {
                }

                return errno;
            }
        }
    }
}
