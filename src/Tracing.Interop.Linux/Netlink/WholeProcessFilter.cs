using System.Buffers.Binary;
using Tracing.Linux.CnProc;
using static Interop.Libc;

namespace Tracing.Linux.Netlink;

/// <summary>
/// A classic BPF socket filter that keeps only the forks and exits of whole processes (child pid == child tgid, exiting
/// pid == tgid): thread creations and thread exits, which the fork ledger ignores anyway, are then dropped by the kernel
/// instead of queued, so a process that starts thousands of threads between two execs neither overflows the side
/// socket nor costs the receive thread.
/// </summary>
internal static class WholeProcessFilter
{
    // From include/uapi/linux/bpf_common.h (checked with gcc: Tracing.Interop.Linux.Tests/Interop/StructLayout.c).
    internal const ushort LoadWordAbsolute = 0x00 | 0x00 | 0x20; // BPF_LD | BPF_W | BPF_ABS
    internal const ushort JumpIfEqualConstant = 0x05 | 0x10 | 0x00; // BPF_JMP | BPF_JEQ | BPF_K
    internal const ushort JumpIfEqualX = 0x05 | 0x10 | 0x08; // BPF_JMP | BPF_JEQ | BPF_X
    internal const ushort CopyAToX = 0x07 | 0x00; // BPF_MISC | BPF_TAX
    internal const ushort ReturnConstant = 0x06 | 0x00; // BPF_RET | BPF_K

    // Where the filter looks in the datagram: proc_event.what at 36; for a fork, child_pid at 60 and child_tgid at 64; for
    // an exit, process_pid at 52 and process_tgid at 56.
    private const uint WhatOffset = CnProcDatagram.PayloadOffset;
    private const uint UnionOffset = CnProcDatagram.PayloadOffset + ProcEvent.HeaderSize;
    private const uint ChildPidOffset = UnionOffset + ProcEvent.ChildPidOffset;
    private const uint ChildTgidOffset = UnionOffset + ProcEvent.ChildTgidOffset;
    private const uint ExitPidOffset = UnionOffset + ProcEvent.ProcessPidOffset;
    private const uint ExitTgidOffset = UnionOffset + ProcEvent.ProcessTgidOffset;

    /// <summary>The program. BPF loads words big-endian: <c>what</c> is compared in the order the host wrote it.</summary>
    public static SockFilter[] Program { get; } =
    [
        /* 0 */ new() { code = LoadWordAbsolute, k = WhatOffset },
        /* 1 */ new() { code = JumpIfEqualConstant, jt = 0, jf = 4, k = AsLoaded(ProcEventWhat.Fork) }, // a fork: 2, else 6
        /* 2 */ new() { code = LoadWordAbsolute, k = ChildPidOffset },
        /* 3 */ new() { code = CopyAToX },
        /* 4 */ new() { code = LoadWordAbsolute, k = ChildTgidOffset },
        /* 5 */ new() { code = JumpIfEqualX, jt = 5, jf = 6 }, // a process: 11, a thread: 12
        /* 6 */ new() { code = JumpIfEqualConstant, jt = 0, jf = 5, k = AsLoaded(ProcEventWhat.Exit) }, // an exit: 7, else 12
        /* 7 */ new() { code = LoadWordAbsolute, k = ExitPidOffset },
        /* 8 */ new() { code = CopyAToX },
        /* 9 */ new() { code = LoadWordAbsolute, k = ExitTgidOffset },
        /* 10 */ new() { code = JumpIfEqualX, jt = 0, jf = 1 }, // a leader: 11, a thread: 12
        /* 11 */ new() { code = ReturnConstant, k = uint.MaxValue }, // keep the whole datagram
        /* 12 */ new() { code = ReturnConstant, k = 0 }, // drop it
    ];

    /// <summary>Attaches the program; false (and the socket keeps every fork and exit) when the kernel refuses it.</summary>
    public static bool TryAttach(ProcConnectorSocket socket) => socket.TryAttachFilter(Program);

    private static uint AsLoaded(ProcEventWhat what) =>
        BitConverter.IsLittleEndian ? BinaryPrimitives.ReverseEndianness((uint)what) : (uint)what;
}
