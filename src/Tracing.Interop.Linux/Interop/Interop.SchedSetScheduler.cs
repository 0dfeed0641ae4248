using System.Runtime.InteropServices;

internal static partial class Interop
{
    internal static partial class Libc
    {
        // From include/uapi/linux/sched.h.
        internal const int SCHED_FIFO = 1;

        // From include/uapi/linux/sched/types.h: struct sched_param.
        [StructLayout(LayoutKind.Sequential)]
        internal struct SchedParam
        {
            public int sched_priority;
        }

        [LibraryImport(Libraries.Libc, EntryPoint = "sched_setscheduler", SetLastError = true)]
        private static unsafe partial int SchedSetSchedulerRaw(int pid, int policy, SchedParam* param);

        /// <summary>Sets a thread's scheduling policy (pid 0: the calling thread); returns 0 or the errno.</summary>
        internal static unsafe int SchedSetScheduler(int pid, int policy, int priority)
        {
            var param = new SchedParam { sched_priority = priority };
            int errno;
            while (Interrupted(SchedSetSchedulerRaw(pid, policy, &param), out errno))
            {
            }

            return errno;
        }
    }
}
