using System.Runtime.InteropServices;

internal static partial class Interop
{
    internal static partial class Libc
    {
        // From include/uapi/linux/prctl.h.
        internal const int PR_SET_NAME = 15;
        internal const int PR_GET_NAME = 16;

        /// <summary>The size of a task's name, NUL included (TASK_COMM_LEN, include/linux/sched.h).</summary>
        internal const int TaskCommLength = 16;

        [LibraryImport(Libraries.Libc, EntryPoint = "prctl", SetLastError = true)]
        private static unsafe partial int PrctlRaw(int option, byte* argument);

        /// <summary>
        /// Reads (<see cref="PR_GET_NAME"/>) or sets (<see cref="PR_SET_NAME"/>) the calling thread's name in a buffer of
        /// <see cref="TaskCommLength"/> bytes; returns 0 or the errno.
        /// </summary>
        internal static unsafe int PrctlName(int option, Span<byte> name)
        {
            if (name.Length < TaskCommLength)
            {
                return Errno.EINVAL;
            }

            fixed (byte* pointer = name)
            {
                int errno;
                while (Interrupted(PrctlRaw(option, pointer), out errno))
                {
                }

                return errno;
            }
        }
    }
}
