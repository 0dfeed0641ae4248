using System.Runtime.InteropServices;

internal static partial class Interop
{
    internal static partial class Libc
    {
        [LibraryImport(Libraries.Libc, EntryPoint = "readlink", SetLastError = true)]
        private static unsafe partial nint ReadLinkRaw(byte* path, byte* buffer, nuint bufferSize);

        /// <summary>Reads a symbolic link's target, not NUL-terminated.</summary>
        /// <param name="path">The link's path as UTF-8, NUL-terminated.</param>
        /// <param name="buffer">Receives the target; a result equal to its length means it may be truncated.</param>
        /// <param name="errno">0 on success; otherwise the errno.</param>
        /// <returns>The target's length in bytes, or -1 with <paramref name="errno"/> set.</returns>
        internal static unsafe int ReadLink(ReadOnlySpan<byte> path, Span<byte> buffer, out int errno)
        {
            fixed (byte* pathPointer = path)
            fixed (byte* bufferPointer = buffer)
            {
                while (true)
                {
                    var result = ReadLinkRaw(pathPointer, bufferPointer, (nuint)buffer.Length);
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
