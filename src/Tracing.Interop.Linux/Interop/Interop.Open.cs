using System.Runtime.InteropServices;

internal static partial class Interop
{
    internal static partial class Libc
    {
        // From include/uapi/asm-generic/fcntl.h (x86_64 and arm64 alike).
        internal const int O_RDONLY = 0x0;
        internal const int O_CLOEXEC = 0x80000;

        // open(2) is variadic; the mode argument is only read with O_CREAT or O_TMPFILE, which this wrapper never passes.
        // The raw descriptor is wrapped at once, below (it runs for every /proc file read on the receive thread).
        [LibraryImport(Libraries.Libc, EntryPoint = "open", SetLastError = true)]
        private static unsafe partial int OpenRaw(byte* path, int flags);

        /// <summary>Opens a file read-only and close-on-exec; returns 0 or the errno (then <paramref name="fd"/> is invalid).</summary>
        /// <param name="path">The path as UTF-8, NUL-terminated.</param>
        /// <param name="fd">The open file.</param>
        internal static unsafe int OpenReadOnly(ReadOnlySpan<byte> path, out SafeFileDescriptor fd)
        {
            fixed (byte* pathPointer = path)
            {
                int errno;
                int raw;
                do
                {
                    raw = OpenRaw(pathPointer, O_RDONLY | O_CLOEXEC);
                }
                while (Interrupted(raw, out errno));

                fd = new SafeFileDescriptor(raw);
                return errno;
            }
        }
    }
}
