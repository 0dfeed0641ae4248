using System.Runtime.InteropServices;

internal static partial class Interop
{
    internal static partial class Libc
    {
        [LibraryImport(Libraries.Libc, EntryPoint = "pread", SetLastError = true)]
        private static unsafe partial nint PReadRaw(SafeFileDescriptor fd, byte* buffer, nuint count, long offset);

        /// <summary>Reads once from <paramref name="offset"/>, leaving the file position alone; returns 0 or the errno.</summary>
        /// <param name="fd">The file.</param>
        /// <param name="buffer">Receives the bytes.</param>
        /// <param name="offset">Where in the file to read from.</param>
        /// <param name="bytesRead">How many bytes were read; 0 at end of file.</param>
        internal static unsafe int PRead(SafeFileDescriptor fd, Span<byte> buffer, long offset, out int bytesRead)
        {
            fixed (byte* bufferPointer = buffer)
            {
                nint result;
                int errno;
                do
                {
                    result = PReadRaw(fd, bufferPointer, (nuint)buffer.Length, offset);
                }
                while (Interrupted(result, out errno));

                bytesRead = (int)Math.Max(result, 0);
                return errno;
            }
        }
    }
}
