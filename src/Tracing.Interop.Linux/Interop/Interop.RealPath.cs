using System.Runtime.InteropServices;

internal static partial class Interop
{
    internal static partial class Libc
    {
        /// <summary>PATH_MAX: the buffer <c>realpath</c> writes to holds this many bytes.</summary>
        internal const int PathMax = 4096;

        [LibraryImport(Libraries.Libc, EntryPoint = "realpath", SetLastError = true)]
        private static unsafe partial byte* RealPathRaw(byte* path, byte* resolved);

        /// <summary>The absolute path with every symbolic link, "." and ".." resolved; returns 0 or the errno.</summary>
        /// <param name="path">The path as UTF-8, NUL-terminated.</param>
        /// <param name="resolved">Receives the path, NUL-terminated; at least <see cref="PathMax"/> bytes.</param>
        internal static unsafe int RealPath(ReadOnlySpan<byte> path, Span<byte> resolved)
        {
            if (resolved.Length < PathMax)
            {
                throw new ArgumentException($"realpath needs a buffer of {PathMax} bytes.", nameof(resolved));
            }

            fixed (byte* pathPointer = path)
            fixed (byte* resolvedPointer = resolved)
            {
                int errno;
                while (Interrupted(RealPathRaw(pathPointer, resolvedPointer) == null ? -1 : 0, out errno))
                {
                }

                return errno;
            }
        }
    }
}
