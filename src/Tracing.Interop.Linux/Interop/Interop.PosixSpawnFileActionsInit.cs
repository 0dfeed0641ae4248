using System.Runtime.InteropServices;

internal static partial class Interop
{
    internal static partial class Libc
    {
        /// <summary>Initialises a list of file actions; returns 0 or the error number (errno is not set).</summary>
        [LibraryImport(Libraries.Libc, EntryPoint = "posix_spawn_file_actions_init")]
        internal static unsafe partial int PosixSpawnFileActionsInit(void* buffer);
    }
}
