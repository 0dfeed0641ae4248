using System.Runtime.InteropServices;

internal static partial class Interop
{
    internal static partial class Libc
    {
        /// <summary>The calling thread's kernel id (glibc 2.30 and later); never fails.</summary>
        [LibraryImport(Libraries.Libc, EntryPoint = "gettid", SetLastError = true)]
        internal static partial int GetTid();
    }
}
