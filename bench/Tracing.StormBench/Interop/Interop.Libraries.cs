internal static partial class Interop
{
    internal static partial class Libraries
    {
        // glibc's soname; "libc" alone would resolve to the linker script libc.so.
        internal const string Libc = "libc.so.6";
    }
}
