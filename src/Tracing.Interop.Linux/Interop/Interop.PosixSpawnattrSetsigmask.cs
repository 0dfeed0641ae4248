using System.Runtime.InteropServices;

internal static partial class Interop
{
    internal static partial class Libc
    {
        /// <summary>The child's signal mask (with <c>POSIX_SPAWN_SETSIGMASK</c>); returns 0 or the error number.</summary>
        [LibraryImport(Libraries.Libc, EntryPoint = "posix_spawnattr_setsigmask")]
        internal static unsafe partial int PosixSpawnattrSetsigmask(void* attributes, SigSet* signals);
    }
}
