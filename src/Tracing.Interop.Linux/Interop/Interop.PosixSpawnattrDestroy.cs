using System.Runtime.InteropServices;

internal static partial class Interop
{
    internal static partial class Libc
    {
        /// <summary>Releases spawn attributes; returns 0 or the error number (errno is not set).</summary>
        [LibraryImport(Libraries.Libc, EntryPoint = "posix_spawnattr_destroy")]
        internal static unsafe partial int PosixSpawnattrDestroy(void* buffer);
    }
}
