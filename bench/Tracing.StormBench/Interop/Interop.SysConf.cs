using System.Runtime.InteropServices;

internal static partial class Interop
{
    internal static partial class Libc
    {
        // From glibc's bits/confname.h.
        private const int SC_CLK_TCK = 2;

        [LibraryImport(Libraries.Libc, EntryPoint = "sysconf", SetLastError = true)]
        private static partial long SysConf(int name);

        /// <summary>The unit of utime and stime in /proc/PID/stat (USER_HZ, 100 on Linux).</summary>
        internal static long ClockTicksPerSecond()
        {
            var ticks = SysConf(SC_CLK_TCK);
            return ticks > 0 ? ticks : 100;
        }
    }
}
