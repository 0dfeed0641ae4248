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
                while (true)
                {
                    var size = (nuint)buffer.Length;
                    var result = SysctlRaw(namePointer, (uint)name.Length, buffer.IsEmpty ? null : bufferPointer, &size, null, 0);
                    // A failure without errno has been seen in the wild (psutil #2708): keep it a failure.
                    var errno = result == 0 ? 0 : Marshal.GetLastPInvokeError() is var e and not 0 ? e : Errno.Unknown;
                    length = size;
                    if (errno != Errno.EINTR)
                    {
                        return errno;
                    }
                }
            }
        }
    }
}
