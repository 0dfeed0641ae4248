using System.Runtime.InteropServices;
using Tracing.Linux.FileSystem;

internal static partial class Interop
{
    internal static partial class Libc
    {
        [LibraryImport(Libraries.Libc, EntryPoint = "statfs", SetLastError = true)]
        private static unsafe partial int StatFsRaw(byte* path, StatFs* buffer);

        /// <summary>Describes the file system <paramref name="path"/> is on, following symbolic links; returns 0 or the errno.</summary>
        /// <param name="path">The path as UTF-8, NUL-terminated.</param>
        /// <param name="buffer">Receives the description.</param>
        internal static unsafe int StatFs(ReadOnlySpan<byte> path, out StatFs buffer)
        {
            buffer = default;
            fixed (byte* pathPointer = path)
            fixed (StatFs* bufferPointer = &buffer)
            {
                int errno;
                while (Interrupted(StatFsRaw(pathPointer, bufferPointer), out errno))
                {
                }

                return errno;
            }
        }
    }
}
