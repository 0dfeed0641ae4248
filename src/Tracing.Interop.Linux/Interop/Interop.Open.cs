using System.Runtime.InteropServices;
using Tracing.Interop.Linux.Interop;

internal static partial class Interop
{
    internal static partial class Libc
    {
        // From include/uapi/asm-generic/fcntl.h (x86_64 and arm64 alike).
        internal const int O_RDONLY = 0x0;
        internal const int O_CLOEXEC = 0x80000;

        // open(2) is variadic; the mode argument is only read with O_CREAT or O_TMPFILE, which this wrapper never passes.
        [LibraryImport(Libraries.Libc, EntryPoint = "open", SetLastError = true)]
        private static unsafe partial SafeFileDescriptor OpenRaw(byte* path, int flags);

        /// <summary>Opens a file read-only and close-on-exec.</summary>
        /// <param name="path">The path as UTF-8, NUL-terminated.</param>
        /// <param name="errno">0 on success; otherwise the errno, and the returned handle is invalid.</param>
        internal static unsafe SafeFileDescriptor OpenReadOnly(ReadOnlySpan<byte> path, out int errno)
        {
            fixed (byte* pathPointer = path)
            {
                while (true)
                {
                    var fd = OpenRaw(pathPointer, O_RDONLY | O_CLOEXEC);
                    if (!fd.IsInvalid)
                    {
                        errno = 0;
                        return fd;
                    }

                    errno = Marshal.GetLastPInvokeError();
                    if (errno != Errno.EINTR)
                    {
                        return fd;
                    }

                    fd.Dispose();
                }
            }
        }
    }
}
