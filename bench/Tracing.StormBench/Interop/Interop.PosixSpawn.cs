using System.Runtime.InteropServices;

internal static partial class Interop
{
    internal static partial class Libc
    {
        // posix_spawn returns the error number instead of setting errno.
        [LibraryImport(Libraries.Libc, EntryPoint = "posix_spawn")]
        private static unsafe partial int PosixSpawnRaw(int* pid, byte* path, void* fileActions, void* attributes, byte** argv, byte** envp);

        /// <summary>Starts <paramref name="path"/> with a NULL-terminated argv and environment; glibc uses clone(CLONE_VFORK), so the cost does not grow with our heap.</summary>
        internal static unsafe int PosixSpawn(byte* path, byte** argv, byte** envp, void* fileActions = null)
        {
            int pid;
            var error = PosixSpawnRaw(&pid, path, fileActions, null, argv, envp);
            return error == 0 ? pid : throw GetExceptionForErrno(error, "posix_spawn");
        }
    }
}
