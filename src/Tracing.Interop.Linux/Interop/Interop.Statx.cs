using System.Runtime.InteropServices;
using Tracing.Linux.FileSystem;

internal static partial class Interop
{
    internal static partial class Libc
    {
        // From include/uapi/linux/fcntl.h.
        internal const int AT_FDCWD = -100;
        internal const int AT_EMPTY_PATH = 0x1000;

        [LibraryImport(Libraries.Libc, EntryPoint = "statx", SetLastError = true)]
        private static unsafe partial int StatxRaw(int dirfd, byte* path, int flags, uint mask, Statx* buffer);

        [LibraryImport(Libraries.Libc, EntryPoint = "statx", SetLastError = true)]
        private static unsafe partial int StatxRaw(SafeFileDescriptor fd, byte* path, int flags, uint mask, Statx* buffer);

        /// <summary>Describes the file at <paramref name="path"/>, following symbolic links; returns 0 or the errno.</summary>
        /// <param name="path">The path as UTF-8, NUL-terminated.</param>
        /// <param name="mask">The <c>STATX_*</c> fields wanted.</param>
        /// <param name="buffer">Receives the description.</param>
        internal static unsafe int StatxPath(ReadOnlySpan<byte> path, uint mask, out Statx buffer)
        {
            buffer = default;
            fixed (byte* pathPointer = path)
            fixed (Statx* bufferPointer = &buffer)
            {
                int errno;
                while (Interrupted(StatxRaw(AT_FDCWD, pathPointer, 0, mask, bufferPointer), out errno))
                {
                }

                return errno;
            }
        }

        /// <summary>Describes the open file <paramref name="fd"/> (<c>AT_EMPTY_PATH</c>); returns 0 or the errno.</summary>
        /// <param name="fd">The file.</param>
        /// <param name="mask">The <c>STATX_*</c> fields wanted.</param>
        /// <param name="buffer">Receives the description.</param>
        internal static unsafe int StatxFile(SafeFileDescriptor fd, uint mask, out Statx buffer)
        {
            buffer = default;
            byte empty = 0;
            fixed (Statx* bufferPointer = &buffer)
            {
                int errno;
                while (Interrupted(StatxRaw(fd, &empty, AT_EMPTY_PATH, mask, bufferPointer), out errno))
                {
                }

                return errno;
            }
        }
    }
}
