using System.Runtime.InteropServices;

internal static partial class Interop
{
    internal static partial class Libc
    {
        // include/uapi/linux/bpf.h: the commands and program types used, and union bpf_attr's BPF_PROG_LOAD members up to
        // prog_flags (the kernel takes a shorter attr and reads what is past it as zero).
        internal const int BPF_PROG_LOAD = 5;
        internal const uint BPF_PROG_TYPE_TRACEPOINT = 5;
        internal const uint BPF_PROG_TYPE_RAW_TRACEPOINT = 17;

        // The bpf(2) system call's number: glibc has no wrapper.
        private static long BpfSyscallNumber => RuntimeInformation.ProcessArchitecture switch
        {
            Architecture.X64 => 321,
            Architecture.Arm64 => 280,
            var other => throw new PlatformNotSupportedException($"bpf(2) has no known system call number on {other}."),
        };

        [StructLayout(LayoutKind.Sequential)]
        internal struct BpfProgLoadAttr
        {
            public uint prog_type;
            public uint insn_cnt;
            public ulong insns;
            public ulong license;
            public uint log_level;
            public uint log_size;
            public ulong log_buf;
            public uint kern_version;
            public uint prog_flags;
        }

        // syscall(2) is variadic; integer and pointer arguments travel as fixed ones on x86_64 and arm64 Linux.
        [LibraryImport(Libraries.Libc, EntryPoint = "syscall", SetLastError = true)]
        private static unsafe partial long SyscallBpf(long number, int command, void* attr, uint size);

        /// <summary>
        /// bpf(<paramref name="command"/>, attr, size), retried on EINTR: the call's result (an fd for commands that make
        /// one, else 0) or -1, and the errno (0 on success). Every bpf(2) command goes through here.
        /// </summary>
        private static unsafe long Bpf(int command, void* attr, uint size, out int errno)
        {
            long raw;
            do
            {
                raw = SyscallBpf(BpfSyscallNumber, command, attr, size);
            }
            while (Interrupted((nint)raw, out errno));

            return raw;
        }

        /// <summary>bpf(BPF_PROG_LOAD): the program's fd, or an invalid one and the errno.</summary>
        internal static unsafe int BpfProgLoad(ref BpfProgLoadAttr attr, out SafeFileDescriptor program)
        {
            int errno;
            fixed (BpfProgLoadAttr* pointer = &attr)
            {
                program = new SafeFileDescriptor((int)Bpf(BPF_PROG_LOAD, pointer, (uint)sizeof(BpfProgLoadAttr), out errno));
            }

            return errno;
        }
    }
}
