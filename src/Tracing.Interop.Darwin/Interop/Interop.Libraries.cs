internal static partial class Interop
{
    internal static partial class Libraries
    {
        // sysctl lives in libSystem; the path resolves through the dyld shared cache on every macOS since 11.
        internal const string LibSystem = "/usr/lib/libSystem.B.dylib";
    }
}
