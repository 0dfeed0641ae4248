using System.Runtime.InteropServices;

internal static partial class Interop
{
    internal static partial class Libc
    {
        internal const int EFD_CLOEXEC = 0x80000;
        internal const int EFD_NONBLOCK = 0x800;

        [LibraryImport(Libraries.Libc, EntryPoint = "eventfd", SetLastError = true)]
        private static partial int EventFdRaw(uint initialValue, int flags);

        /// <summary>Creates an eventfd; returns it or -1 with <paramref name="errno"/>.</summary>
        internal static int EventFd(int flags, out int errno)
        {
            var fd = EventFdRaw(0, flags);
            errno = fd < 0 ? Marshal.GetLastPInvokeError() : 0;
            return fd;
        }
    }
}
