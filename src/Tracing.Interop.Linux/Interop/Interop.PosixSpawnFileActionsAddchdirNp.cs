using System.Runtime.InteropServices;

internal static partial class Interop
{
    internal static partial class Libc
    {
        /// <summary>The child changes to <paramref name="path"/> before exec (glibc 2.29+); returns 0 or the error number.</summary>
        [LibraryImport(Libraries.Libc, EntryPoint = "posix_spawn_file_actions_addchdir_np")]
        internal static unsafe partial int PosixSpawnFileActionsAddchdirNp(void* fileActions, byte* path);
    }
}
