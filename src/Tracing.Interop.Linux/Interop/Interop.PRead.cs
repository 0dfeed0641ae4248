using System.Runtime.InteropServices;
using Tracing.Interop.Linux.Interop;

internal static partial class Interop
{
    internal static partial class Libc
    {
        [LibraryImport(Libraries.Libc, EntryPoint = "pread", SetLastError = true)]
        private static unsafe partial nint PReadRaw(SafeFileDescriptor fd, byte* buffer, nuint count, long offset);

        /// <summary>Reads once into <paramref name="buffer"/> from <paramref name="offset"/>, leaving the file position alone.</summary>
        /// <returns>The bytes read (0 at end of file), or -1 with <paramref name="errno"/> set.</returns>
        internal static unsafe int PRead(SafeFileDescriptor fd, Span<byte> buffer, long offset, out int errno)
        {
            fixed (byte* bufferPointer = buffer)
            {
                while (true)
                {
                    var result = PReadRaw(fd, bufferPointer, (nuint)buffer.Length, offset);
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
