using System.Runtime.InteropServices;

internal static partial class Interop
{
    internal static partial class Libc
    {
        /// <summary>Initialises spawn attributes; returns 0 or the error number (errno is not set).</summary>
        [LibraryImport(Libraries.Libc, EntryPoint = "posix_spawnattr_init")]
        internal static unsafe partial int PosixSpawnattrInit(void* buffer);
    }
}
