using System.Runtime.InteropServices;

internal static partial class Interop
{
    internal static partial class Libc
    {
        /// <summary>Releases a list of file actions; returns 0 or the error number (errno is not set).</summary>
        [LibraryImport(Libraries.Libc, EntryPoint = "posix_spawn_file_actions_destroy")]
        internal static unsafe partial int PosixSpawnFileActionsDestroy(void* buffer);
    }
}
