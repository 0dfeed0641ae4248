using System.Runtime.InteropServices;

internal static partial class Interop
{
    internal static partial class Libc
    {
        [LibraryImport(Libraries.Libc, EntryPoint = "sched_getaffinity", SetLastError = true)]
        private static unsafe partial int SchedGetAffinityRaw(int pid, nuint cpuSetSize, byte* mask);

        /// <summary>
        /// Reads a thread's CPU mask (pid 0: the calling thread) into <paramref name="mask"/>; returns 0 or the errno
        /// (EINVAL when the mask is smaller than the kernel's).
        /// </summary>
        internal static unsafe int SchedGetAffinity(int pid, Span<byte> mask)
        {
            fixed (byte* pointer = mask)
            {
                int errno;
                while (Interrupted(SchedGetAffinityRaw(pid, (nuint)mask.Length, pointer), out errno))
                {
                }

                return errno;
            }
        }
    }
}
