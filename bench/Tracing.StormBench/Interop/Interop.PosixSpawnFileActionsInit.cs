using System.Runtime.InteropServices;

internal static partial class Interop
{
    internal static partial class Libc
    {
        // glibc's posix_spawn_file_actions_t is 80 bytes on 64-bit targets; callers hold it in a larger opaque buffer.
        internal const int PosixSpawnFileActionsSize = 128;

        // The posix_spawn_file_actions_* functions return the error number instead of setting errno.
        [LibraryImport(Libraries.Libc, EntryPoint = "posix_spawn_file_actions_init")]
        private static unsafe partial int PosixSpawnFileActionsInitRaw(void* actions);

        internal static unsafe void PosixSpawnFileActionsInit(void* actions)
        {
            var error = PosixSpawnFileActionsInitRaw(actions);
            if (error != 0)
            {
                throw GetExceptionForErrno(error, "posix_spawn_file_actions_init");
            }
        }
    }
}
