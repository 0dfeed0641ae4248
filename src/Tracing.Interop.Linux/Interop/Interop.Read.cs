using System.Runtime.InteropServices;

internal static partial class Interop
{
    internal static partial class Libc
    {
        [LibraryImport(Libraries.Libc, EntryPoint = "read", SetLastError = true)]
        private static unsafe partial nint ReadRaw(SafeFileDescriptor fd, byte* buffer, nuint count);

        /// <summary>Reads once into <paramref name="buffer"/>; returns 0 or the errno.</summary>
        /// <param name="fd">The file.</param>
        /// <param name="buffer">Receives the bytes.</param>
        /// <param name="bytesRead">How many bytes were read; 0 at end of file.</param>
        internal static unsafe int Read(SafeFileDescriptor fd, Span<byte> buffer, out int bytesRead)
        {
            fixed (byte* bufferPointer = buffer)
            {
                nint result;
                int errno;
                do
                {
                    result = ReadRaw(fd, bufferPointer, (nuint)buffer.Length);
                }
                while (Interrupted(result, out errno));

                bytesRead = (int)Math.Max(result, 0);
                return errno;
            }
        }
    }
}
