using System.Runtime.InteropServices;

internal static partial class Interop
{
    internal static partial class Libc
    {
        // From include/uapi/linux/eventfd.h.
        internal const int EFD_CLOEXEC = 0x80000;
        internal const int EFD_NONBLOCK = 0x800;

        [LibraryImport(Libraries.Libc, EntryPoint = "eventfd", SetLastError = true)]
        private static partial SafeFileDescriptor EventFdRaw(uint initialValue, int flags);

        /// <summary>Creates an eventfd counting from 0; returns 0 or the errno (then <paramref name="fd"/> is invalid).</summary>
        internal static int EventFd(int flags, out SafeFileDescriptor fd)
        {
            int errno;
            do
            {
                fd = EventFdRaw(0, flags);
            }
            while (Interrupted(fd, out errno));

            return errno;
        }
    }
}
