using System.Runtime.InteropServices;

internal static partial class Interop
{
    internal static partial class Libc
    {
        [LibraryImport(Libraries.Libc, EntryPoint = "mount", SetLastError = true)]
        private static unsafe partial int MountRaw(byte* source, byte* target, byte* fileSystemType, nuint flags, void* data);

        /// <summary>
        /// mount(source, target, type, 0, NULL); returns 0 or the errno. Each string is UTF-8, NUL-terminated.
        /// </summary>
        internal static unsafe int Mount(ReadOnlySpan<byte> source, ReadOnlySpan<byte> target, ReadOnlySpan<byte> fileSystemType)
        {
            fixed (byte* sourcePointer = source)
            fixed (byte* targetPointer = target)
            fixed (byte* typePointer = fileSystemType)
            {
                int errno;
                while (Interrupted(MountRaw(sourcePointer, targetPointer, typePointer, 0, null), out errno))
                {
                }

                return errno;
            }
        }
    }
}
