using System.Runtime.InteropServices;

internal static partial class Interop
{
    internal static partial class Libc
    {
        [LibraryImport(Libraries.Libc, EntryPoint = "readlink", SetLastError = true)]
        private static unsafe partial nint ReadLinkRaw(byte* path, byte* buffer, nuint bufferSize);

        /// <summary>Reads a symbolic link's target, not NUL-terminated; returns 0 or the errno.</summary>
        /// <param name="path">The link's path as UTF-8, NUL-terminated.</param>
        /// <param name="buffer">Receives the target.</param>
        /// <param name="length">The target's length in bytes; equal to the buffer's, it may be cut short.</param>
        internal static unsafe int ReadLink(ReadOnlySpan<byte> path, Span<byte> buffer, out int length)
        {
            fixed (byte* pathPointer = path)
            fixed (byte* bufferPointer = buffer)
            {
                nint result;
                int errno;
                do
                {
                    result = ReadLinkRaw(pathPointer, bufferPointer, (nuint)buffer.Length);
                }
                while (Interrupted(result, out errno));

                length = (int)Math.Max(result, 0);
                return errno;
            }
        }
    }
}
