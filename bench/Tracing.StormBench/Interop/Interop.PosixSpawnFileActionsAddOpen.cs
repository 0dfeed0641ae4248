using System.Runtime.InteropServices;

internal static partial class Interop
{
    internal static partial class Libc
    {
        // From include/uapi/asm-generic/fcntl.h.
        internal const int O_WRONLY = 1;

        [LibraryImport(Libraries.Libc, EntryPoint = "posix_spawn_file_actions_addopen")]
        private static unsafe partial int PosixSpawnFileActionsAddOpenRaw(void* actions, int fd, byte* path, int flags, uint mode);

        /// <summary>In the child, <paramref name="fd"/> becomes <paramref name="path"/> opened with <paramref name="flags"/>.</summary>
        internal static unsafe void PosixSpawnFileActionsAddOpen(void* actions, int fd, byte* path, int flags)
        {
            var error = PosixSpawnFileActionsAddOpenRaw(actions, fd, path, flags, 0);
            if (error != 0)
            {
                throw GetExceptionForErrno(error, "posix_spawn_file_actions_addopen");
            }
        }
    }
}
