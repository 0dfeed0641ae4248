using System.Runtime.InteropServices;

internal static partial class Interop
{
    internal static partial class Libc
    {
        [LibraryImport(Libraries.Libc, EntryPoint = "posix_spawn_file_actions_destroy")]
        internal static unsafe partial int PosixSpawnFileActionsDestroy(void* actions);
    }
}
