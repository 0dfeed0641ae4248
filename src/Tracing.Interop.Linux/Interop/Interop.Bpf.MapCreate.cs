using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

internal static partial class Interop
{
    internal static partial class Libc
    {
        // From include/uapi/linux/bpf.h: BPF_MAP_CREATE and the map types used.
        internal const int BPF_MAP_CREATE = 0;
        internal const uint BPF_MAP_TYPE_HASH = 1;
        internal const uint BPF_MAP_TYPE_ARRAY = 2;
        internal const uint BPF_MAP_TYPE_PERCPU_ARRAY = 6;
        internal const uint BPF_MAP_TYPE_CGROUP_ARRAY = 8;
        internal const uint BPF_MAP_TYPE_LRU_HASH = 9;
        internal const uint BPF_MAP_TYPE_RINGBUF = 27;
        internal const int BPF_OBJ_NAME_LEN = 16;

        // From include/uapi/linux/bpf.h: union bpf_attr's BPF_MAP_CREATE members up to map_name (Linux 4.15); the kernel
        // reads the members past a shorter attr as zero.
        [StructLayout(LayoutKind.Sequential)]
        internal struct BpfMapCreateAttr
        {
            public uint map_type;
            public uint key_size;
            public uint value_size;
            public uint max_entries;
            public uint map_flags;
            public uint inner_map_fd;
            public uint numa_node;
            public BpfObjectName map_name;
        }

        /// <summary>char[BPF_OBJ_NAME_LEN]: a map's or program's name, NUL-terminated.</summary>
        [InlineArray(BPF_OBJ_NAME_LEN)]
        internal struct BpfObjectName
        {
            private byte _element0;
        }

        /// <summary>bpf(BPF_MAP_CREATE): the map's fd, or an invalid one and the errno.</summary>
        internal static unsafe int BpfMapCreate(in BpfMapCreateAttr attr, out SafeFileDescriptor map)
        {
            int errno;
            fixed (BpfMapCreateAttr* pointer = &attr)
            {
                map = new SafeFileDescriptor((int)Bpf(BPF_MAP_CREATE, pointer, (uint)sizeof(BpfMapCreateAttr), out errno));
            }

            return errno;
        }
    }
}
