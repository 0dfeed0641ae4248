using System.Runtime.InteropServices;

internal static partial class Interop
{
    internal static partial class Libc
    {
        // From asm-generic/signal-defs.h.
        internal const nint SIG_DFL = 0;
        internal const nint SIG_IGN = 1;
        internal static readonly nint SIG_ERR = -1;

        [LibraryImport(Libraries.Libc, EntryPoint = "signal", SetLastError = true)]
        private static partial nint SignalRaw(int signal, nint handler);

        /// <summary>Sets <paramref name="signal"/>'s disposition to <paramref name="handler"/> (SIG_DFL, SIG_IGN); returns 0 or the errno.</summary>
        internal static int Signal(int signal, nint handler)
        {
            var result = SignalRaw(signal, handler);
            return result == SIG_ERR ? Marshal.GetLastPInvokeError() : 0;
        }
    }
}
