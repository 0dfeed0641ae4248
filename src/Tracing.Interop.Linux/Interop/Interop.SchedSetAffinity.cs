using System.Runtime.InteropServices;

internal static partial class Interop
{
    internal static partial class Libc
    {
        [LibraryImport(Libraries.Libc, EntryPoint = "sched_setaffinity", SetLastError = true)]
        private static unsafe partial int SchedSetAffinityRaw(int pid, nuint cpuSetSize, byte* mask);

        /// <summary>
        /// Restricts a thread (pid 0: the calling thread) to the CPUs in <paramref name="mask"/>; a caller that excludes the
        /// CPU it runs on has moved when this returns. Returns 0 or the errno.
        /// </summary>
        internal static unsafe int SchedSetAffinity(int pid, ReadOnlySpan<byte> mask)
        {
            fixed (byte* pointer = mask)
            {
                int errno;
                while (Interrupted(SchedSetAffinityRaw(pid, (nuint)mask.Length, pointer), out errno))
                {
                }

                return errno;
            }
        }
    }
}
