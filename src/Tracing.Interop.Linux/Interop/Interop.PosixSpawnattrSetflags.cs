using System.Runtime.InteropServices;

internal static partial class Interop
{
    internal static partial class Libc
    {
        // From glibc's spawn.h.
        internal const short POSIX_SPAWN_SETSIGDEF = 0x04;
        internal const short POSIX_SPAWN_SETSIGMASK = 0x08;

        /// <summary>Sets which attributes apply (<c>POSIX_SPAWN_*</c>); returns 0 or the error number.</summary>
        [LibraryImport(Libraries.Libc, EntryPoint = "posix_spawnattr_setflags")]
        internal static unsafe partial int PosixSpawnattrSetflags(void* attributes, short flags);
    }
}
