using System.Runtime.InteropServices;

internal static partial class Interop
{
    internal static partial class Libc
    {
        [LibraryImport(Libraries.Libc, EntryPoint = "write", SetLastError = true)]
        private static unsafe partial nint WriteRaw(int fd, byte* buffer, nuint length);

        /// <summary>Writes bytes, retrying EINTR; returns the count written or -1 with <paramref name="errno"/>.</summary>
        internal static unsafe int Write(int fd, ReadOnlySpan<byte> bytes, out int errno)
        {
            fixed (byte* p = bytes)
            {
                while (true)
                {
                    var written = WriteRaw(fd, p, (nuint)bytes.Length);
                    if (written >= 0)
                    {
                        errno = 0;
                        return (int)written;
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
