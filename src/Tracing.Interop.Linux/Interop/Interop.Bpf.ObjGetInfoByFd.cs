using System.Runtime.InteropServices;

internal static partial class Interop
{
    internal static partial class Libc
    {
        // From include/uapi/linux/bpf.h.
        internal const int BPF_OBJ_GET_INFO_BY_FD = 15;

        // From include/uapi/linux/bpf.h: union bpf_attr's info member.
        [StructLayout(LayoutKind.Sequential)]
        internal struct BpfObjGetInfoAttr
        {
            public uint bpf_fd;
            public uint info_len;
            public ulong info;
        }

        // From include/uapi/linux/bpf.h: struct bpf_prog_info up to recursion_misses (Linux 5.12); the kernel fills in no
        // more than the length it is given. The arrays' counts and pointers stay zero: none is asked for.
        [StructLayout(LayoutKind.Sequential)]
        internal struct BpfProgInfo
        {
            public uint type;
            public uint id;
            public ulong tag;
            public uint jited_prog_len;
            public uint xlated_prog_len;
            public ulong jited_prog_insns;
            public ulong xlated_prog_insns;
            public ulong load_time;
            public uint created_by_uid;
            public uint nr_map_ids;
            public ulong map_ids;
            public BpfObjectName name;
            public uint ifindex;
            public uint gpl_compatible_bits;
            public ulong netns_dev;
            public ulong netns_ino;
            public uint nr_jited_ksyms;
            public uint nr_jited_func_lens;
            public ulong jited_ksyms;
            public ulong jited_func_lens;
            public uint btf_id;
            public uint func_info_rec_size;
            public ulong func_info;
            public uint nr_func_info;
            public uint nr_line_info;
            public ulong line_info;
            public ulong jited_line_info;
            public uint nr_jited_line_info;
            public uint line_info_rec_size;
            public uint jited_line_info_rec_size;
            public uint nr_prog_tags;
            public ulong prog_tags;
            public ulong run_time_ns;
            public ulong run_cnt;
            public ulong recursion_misses;
        }

        /// <summary>bpf(BPF_OBJ_GET_INFO_BY_FD) on a program; returns 0 or the errno.</summary>
        internal static unsafe int BpfProgGetInfo(SafeFileDescriptor program, out BpfProgInfo info)
        {
            info = default;
            var added = false;
            program.DangerousAddRef(ref added);
            try
            {
                fixed (BpfProgInfo* infoPointer = &info)
                {
                    var attr = new BpfObjGetInfoAttr
                    {
                        bpf_fd = (uint)program.DangerousGetHandle(),
                        info_len = (uint)sizeof(BpfProgInfo),
                        info = (ulong)infoPointer,
                    };
                    Bpf(BPF_OBJ_GET_INFO_BY_FD, &attr, (uint)sizeof(BpfObjGetInfoAttr), out var errno);
                    return errno;
                }
            }
            finally
            {
                program.DangerousRelease();
            }
        }
    }
}
