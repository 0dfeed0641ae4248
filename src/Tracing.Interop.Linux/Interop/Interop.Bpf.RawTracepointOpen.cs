using System.Runtime.InteropServices;

internal static partial class Interop
{
    internal static partial class Libc
    {
        // From include/uapi/linux/bpf.h.
        internal const int BPF_RAW_TRACEPOINT_OPEN = 17;

        // From include/uapi/linux/bpf.h: union bpf_attr's raw_tracepoint member up to prog_fd (cookie, Linux 6.10, after
        // it is read as zero).
        [StructLayout(LayoutKind.Sequential)]
        internal struct BpfRawTracepointAttr
        {
            public ulong name;
            public uint prog_fd;
            private readonly uint _pad;
        }

        /// <summary>
        /// bpf(BPF_RAW_TRACEPOINT_OPEN): attaches <paramref name="program"/> to the raw tracepoint named
        /// <paramref name="name"/> (UTF-8, NUL-terminated); the returned fd is the attachment. Returns 0 or the errno.
        /// </summary>
        internal static unsafe int BpfRawTracepointOpen(SafeFileDescriptor program, ReadOnlySpan<byte> name, out SafeFileDescriptor attachment)
        {
            var added = false;
            program.DangerousAddRef(ref added);
            try
            {
                fixed (byte* namePointer = name)
                {
                    var attr = new BpfRawTracepointAttr { name = (ulong)namePointer, prog_fd = (uint)program.DangerousGetHandle() };
                    attachment = new SafeFileDescriptor((int)Bpf(BPF_RAW_TRACEPOINT_OPEN, &attr, (uint)sizeof(BpfRawTracepointAttr), out var errno));
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
