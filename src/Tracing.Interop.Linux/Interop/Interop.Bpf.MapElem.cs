using System.Runtime.InteropServices;

internal static partial class Interop
{
    internal static partial class Libc
    {
        // From include/uapi/linux/bpf.h: the element commands and BPF_MAP_UPDATE_ELEM's flags.
        internal const int BPF_MAP_LOOKUP_ELEM = 1;
        internal const int BPF_MAP_UPDATE_ELEM = 2;
        internal const ulong BPF_ANY = 0;
        internal const ulong BPF_NOEXIST = 1;
        internal const ulong BPF_EXIST = 2;

        // From include/uapi/linux/bpf.h: union bpf_attr's BPF_MAP_*_ELEM members (value shares its place with next_key).
        [StructLayout(LayoutKind.Sequential)]
        internal struct BpfMapElemAttr
        {
            public uint map_fd;
            private readonly uint _pad;
            public ulong key;
            public ulong value;
            public ulong flags;
        }

        /// <summary>
        /// bpf(BPF_MAP_LOOKUP_ELEM or BPF_MAP_UPDATE_ELEM) on <paramref name="map"/>; returns 0 or the errno. The caller
        /// sizes <paramref name="key"/> and <paramref name="value"/> as the map's key and value (per CPU, for a per-CPU map).
        /// </summary>
        internal static unsafe int BpfMapElem(int command, SafeFileDescriptor map, ReadOnlySpan<byte> key, ReadOnlySpan<byte> value, ulong flags)
        {
            var added = false;
            map.DangerousAddRef(ref added);
            try
            {
                fixed (byte* keyPointer = key)
                fixed (byte* valuePointer = value)
                {
                    var attr = new BpfMapElemAttr
                    {
                        map_fd = (uint)map.DangerousGetHandle(),
                        key = (ulong)keyPointer,
                        value = (ulong)valuePointer,
                        flags = flags,
                    };
                    Bpf(command, &attr, (uint)sizeof(BpfMapElemAttr), out var errno);
                    return errno;
                }
            }
            finally
            {
                map.DangerousRelease();
            }
        }
    }
}
