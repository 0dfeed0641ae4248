using System.Runtime.InteropServices;
using System.Runtime.Versioning;

internal static partial class Interop
{
    internal static partial class Libc
    {
        // int sysctl(int *name, u_int namelen, void *oldp, size_t *oldlenp, void *newp, size_t newlen); XNU bsd/sys/sysctl.h.
        [LibraryImport(Libraries.LibSystem, EntryPoint = "sysctl", SetLastError = true)]
        [SupportedOSPlatform("macos")]
        private static unsafe partial int SysctlRaw(int* name, uint nameLength, byte* oldp, nuint* oldLength, byte* newp, nuint newLength);

        /// <summary>
        /// Reads a sysctl value into <paramref name="buffer"/>, or asks for its size when the buffer is empty.
        /// </summary>
        /// <returns>0 with <paramref name="length"/> set to the bytes written (or needed), or the errno.</returns>
        [SupportedOSPlatform("macos")]
        internal static unsafe int Sysctl(ReadOnlySpan<int> name, Span<byte> buffer, out nuint length)
        {
            fixed (int* namePointer = name)
            fixed (byte* bufferPointer = buffer)
            {
                nuint size;
                int result;
                int errno;
                do
                {
                    size = (nuint)buffer.Length;
                    result = SysctlRaw(namePointer, (uint)name.Length, buffer.IsEmpty ? null : bufferPointer, &size, null, 0);
                }
                while (Interrupted(result, out errno));

                length = size;
                return errno;
            }
        }
    }
}
