using System.Runtime.InteropServices;

internal static partial class Interop
{
    internal static partial class Libc
    {
        [LibraryImport(Libraries.Libc, EntryPoint = "write", SetLastError = true)]
        private static unsafe partial nint WriteRaw(SafeFileDescriptor fd, byte* buffer, nuint length);

        /// <summary>Writes once; returns 0 or the errno.</summary>
        /// <param name="fd">The file.</param>
        /// <param name="bytes">What to write.</param>
        /// <param name="written">How many bytes were written.</param>
        internal static unsafe int Write(SafeFileDescriptor fd, ReadOnlySpan<byte> bytes, out int written)
        {
            fixed (byte* p = bytes)
            {
                nint result;
                int errno;
                do
                {
                    result = WriteRaw(fd, p, (nuint)bytes.Length);
                }
                while (Interrupted(result, out errno));

                written = (int)Math.Max(result, 0);
                return errno;
            }
        }
    }
}
