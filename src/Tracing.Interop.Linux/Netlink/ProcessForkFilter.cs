using System.Buffers.Binary;
using static Interop.Libc;

namespace Tracing.Interop.Linux.Netlink;

/// <summary>
/// A classic BPF socket filter that keeps only fork events of whole processes (child pid == child tgid): thread
/// creations, which the fork ledger ignores anyway, are then dropped by the kernel instead of queued, so a process
/// that starts thousands of threads between two execs neither overflows the side socket nor costs the receive thread.
/// </summary>
internal static class ProcessForkFilter
{
    // From include/uapi/linux/bpf_common.h.
    private const ushort LoadWordAbsolute = 0x00 | 0x00 | 0x20; // BPF_LD | BPF_W | BPF_ABS
    private const ushort JumpIfEqualConstant = 0x05 | 0x10 | 0x00; // BPF_JMP | BPF_JEQ | BPF_K
    private const ushort JumpIfEqualX = 0x05 | 0x10 | 0x08; // BPF_JMP | BPF_JEQ | BPF_X
    private const ushort CopyAToX = 0x07 | 0x00; // BPF_MISC | BPF_TAX
    private const ushort ReturnConstant = 0x06 | 0x00; // BPF_RET | BPF_K

    // Offsets in the datagram (facts/cn_proc.md): proc_event.what at 36; for a fork, child_pid at 60, child_tgid at 64.
    private const uint WhatOffset = 36;
    private const uint ChildPidOffset = 60;
    private const uint ChildTgidOffset = 64;
    private const uint ProcEventFork = 1;

    /// <summary>The program. BPF loads words big-endian: <c>what</c> is compared in the order the host wrote it.</summary>
    public static SockFilter[] Program { get; } =
    [
        /* 0 */ new() { code = LoadWordAbsolute, k = WhatOffset },
        /* 1 */ new() { code = JumpIfEqualConstant, jt = 0, jf = 5, k = AsLoaded(ProcEventFork) }, // not a fork: 7
        /* 2 */ new() { code = LoadWordAbsolute, k = ChildPidOffset },
        /* 3 */ new() { code = CopyAToX },
        /* 4 */ new() { code = LoadWordAbsolute, k = ChildTgidOffset },
        /* 5 */ new() { code = JumpIfEqualX, jt = 0, jf = 1 }, // a process: 6, a thread: 7
        /* 6 */ new() { code = ReturnConstant, k = uint.MaxValue }, // keep the whole datagram
        /* 7 */ new() { code = ReturnConstant, k = 0 }, // drop it
    ];

    /// <summary>Attaches the program; false (and the socket keeps every fork) when the kernel refuses it.</summary>
    public static bool TryAttach(ProcConnectorSocket socket) => socket.AttachFilter(Program) == 0;

    private static uint AsLoaded(uint hostValue) =>
        BitConverter.IsLittleEndian ? BinaryPrimitives.ReverseEndianness(hostValue) : hostValue;
}
