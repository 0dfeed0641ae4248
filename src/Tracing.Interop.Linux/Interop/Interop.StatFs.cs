using System.Runtime.InteropServices;
using Tracing.Interop.Linux.FileSystem;

internal static partial class Interop
{
    internal static partial class Libc
    {
        [LibraryImport(Libraries.Libc, EntryPoint = "statfs", SetLastError = true)]
        private static unsafe partial int StatFsRaw(byte* path, StatFs* buffer);

        /// <summary>Describes the file system <paramref name="path"/> is on, following symbolic links.</summary>
        /// <param name="path">The path as UTF-8, NUL-terminated.</param>
        /// <param name="buffer">Receives the description.</param>
        /// <param name="errno">0 on success; otherwise the errno.</param>
        /// <returns>True on success.</returns>
        internal static unsafe bool StatFs(ReadOnlySpan<byte> path, out StatFs buffer, out int errno)
        {
            buffer = default;
            fixed (byte* pathPointer = path)
            fixed (StatFs* bufferPointer = &buffer)
            {
                while (true)
                {
                    if (StatFsRaw(pathPointer, bufferPointer) == 0)
                    {
                        errno = 0;
                        return true;
                    }

                    errno = Marshal.GetLastPInvokeError();
                    if (errno != Errno.EINTR)
                    {
                        return false;
                    }
                }
            }
        }
    }
}
