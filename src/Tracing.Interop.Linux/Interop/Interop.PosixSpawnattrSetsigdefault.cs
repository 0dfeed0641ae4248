using System.Runtime.InteropServices;

internal static partial class Interop
{
    internal static partial class Libc
    {
        /// <summary>The signals the child gets with their default action (with <c>POSIX_SPAWN_SETSIGDEF</c>); returns 0 or the error number.</summary>
        [LibraryImport(Libraries.Libc, EntryPoint = "posix_spawnattr_setsigdefault")]
        internal static unsafe partial int PosixSpawnattrSetsigdefault(void* attributes, SigSet* signals);
    }
}
