using System.Runtime.InteropServices;

internal static partial class Interop
{
    internal static partial class Libc
    {
        // The posix_spawn family returns the error number and leaves errno alone. glibc 2.24+ reports a failed exec
        // (ENOENT, EACCES, ENOEXEC, …) here too: the child is cloned with CLONE_VFORK and its exec error passed back.
        [LibraryImport(Libraries.Libc, EntryPoint = "posix_spawnp")]
        private static unsafe partial int PosixSpawnpRaw(out int pid, byte* file, void* fileActions, void* attributes, byte** argv, byte** envp);

        /// <summary>
        /// Starts <paramref name="file"/> (looked up on PATH when it has no slash, as <c>execvp</c> does) with
        /// <paramref name="argv"/> and <paramref name="envp"/> (NULL-terminated arrays of NUL-terminated strings);
        /// returns 0 or the error number.
        /// </summary>
        internal static unsafe int PosixSpawnp(out int pid, byte* file, void* fileActions, void* attributes, byte** argv, byte** envp) =>
            PosixSpawnpRaw(out pid, file, fileActions, attributes, argv, envp);
    }
}
