using System.Runtime.InteropServices;
using Tracing.Interop.Linux.Interop;

internal static partial class Interop
{
    internal static partial class Libc
    {
        [LibraryImport(Libraries.Libc, EntryPoint = "read", SetLastError = true)]
        private static unsafe partial nint ReadRaw(SafeFileDescriptor fd, byte* buffer, nuint count);

        /// <summary>Reads once into <paramref name="buffer"/>.</summary>
        /// <returns>The bytes read (0 at end of file), or -1 with <paramref name="errno"/> set.</returns>
        internal static unsafe int Read(SafeFileDescriptor fd, Span<byte> buffer, out int errno)
        {
            fixed (byte* bufferPointer = buffer)
            {
                while (true)
                {
                    var result = ReadRaw(fd, bufferPointer, (nuint)buffer.Length);
                    if (result >= 0)
                    {
                        errno = 0;
                        return (int)result;
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
