using System.Runtime.InteropServices;

internal static partial class Interop
{
    internal static partial class Libc
    {
        // From include/uapi/asm-generic/mman-common.h and mman.h.
        internal const int PROT_READ = 0x1;
        internal const int PROT_WRITE = 0x2;
        internal const int MAP_SHARED = 0x01;

        [LibraryImport(Libraries.Libc, EntryPoint = "mmap", SetLastError = true)]
        private static partial nint MmapRaw(nint address, nuint length, int protection, int flags, SafeFileDescriptor fd, long offset);

        /// <summary>
        /// Maps <paramref name="length"/> bytes of <paramref name="fd"/> from <paramref name="offset"/>, shared; returns 0 or the
        /// errno (then <paramref name="mapping"/> is invalid). The mapping is unmapped when <paramref name="mapping"/> is disposed.
        /// </summary>
        internal static int Mmap(SafeFileDescriptor fd, nuint length, int protection, long offset, out SafeMemoryMapping mapping)
        {
            nint address;
            int errno;
            do
            {
                address = MmapRaw(0, length, protection, MAP_SHARED, fd, offset);
            }
            while (Interrupted(address == -1 ? -1 : 0, out errno));

            mapping = new SafeMemoryMapping(address == -1 ? 0 : address, length);
            return errno;
        }
    }
}
