using Tracing.Linux.Bpf.Btf;
using Tracing.Linux.Bpf.Assembly;
using static Tracing.Linux.Bpf.Assembly.BpfOpcodes;

namespace Tracing.Kernel.Tests.Bpf;

/// <summary>The eBPF programs the ring buffer tests load, spelled with the assembler.</summary>
internal static class RingPrograms
{
    public const int MapLookupElem = 1;
    public const int GetSmpProcessorId = 8;
    public const int GetCurrentPidTgid = 14;
    public const int RingbufOutput = 130;
    public const int RingbufReserve = 131;
    public const int RingbufSubmit = 132;
    public const int RingbufDiscard = 133;

    /// <summary>
    /// Outputs 16 bytes into the ring on every run: <c>bpf_get_current_pid_tgid()</c>, then <paramref name="marker"/>;
    /// for any program type (the context is not read).
    /// </summary>
    public static BpfInstruction[] PidTgidAndMarker(SafeFileDescriptor ring, long marker) => new BpfAssembler()
        .Call(GetCurrentPidTgid)
        .Store(BpfSize.Double, BpfRegister.R10, -16, BpfRegister.R0)
        .Load64(BpfRegister.R1, marker)
        .Store(BpfSize.Double, BpfRegister.R10, -8, BpfRegister.R1)
        .LoadMapFd(BpfRegister.R1, ring)
        .Mov64(BpfRegister.R2, BpfRegister.R10)
        .Alu64(Add, BpfRegister.R2, -16)
        .Mov64(BpfRegister.R3, 16)
        .Mov64(BpfRegister.R4, 0)
        .Call(RingbufOutput)
        .Mov64(BpfRegister.R0, 0)
        .Exit()
        .ToArray();

    /// <summary>
    /// Outputs 24 bytes: <c>bpf_get_current_pid_tgid()</c>, <c>bpf_get_smp_processor_id()</c> (u64), <paramref name="marker"/>.
    /// </summary>
    public static BpfInstruction[] PidTgidCpuAndMarker(SafeFileDescriptor ring, long marker) => new BpfAssembler()
        .Call(GetCurrentPidTgid)
        .Store(BpfSize.Double, BpfRegister.R10, -24, BpfRegister.R0)
        .Call(GetSmpProcessorId)
        .Store(BpfSize.Double, BpfRegister.R10, -16, BpfRegister.R0)
        .Load64(BpfRegister.R1, marker)
        .Store(BpfSize.Double, BpfRegister.R10, -8, BpfRegister.R1)
        .LoadMapFd(BpfRegister.R1, ring)
        .Mov64(BpfRegister.R2, BpfRegister.R10)
        .Alu64(Add, BpfRegister.R2, -24)
        .Mov64(BpfRegister.R3, 24)
        .Mov64(BpfRegister.R4, 0)
        .Call(RingbufOutput)
        .Mov64(BpfRegister.R0, 0)
        .Exit()
        .ToArray();

    /// <summary>
    /// Only when run by the thread <paramref name="pidTgid"/> (tgid &lt;&lt; 32 | tid): takes n from element 0 of the u64
    /// array <paramref name="counter"/> and stores n + 1 there, then outputs a record of <see cref="CountedRecordLength"/>(n)
    /// bytes, each u64 of it n. One thread runs it at a time, so the count needs no atomic add.
    /// </summary>
    public static BpfInstruction[] CountedRecords(SafeFileDescriptor ring, SafeFileDescriptor counter, long pidTgid) => OnlyProcessesForkedBy(pidTgid)
        .Store(BpfSize.Word, BpfRegister.R10, -4, 0)
        .LoadMapFd(BpfRegister.R1, counter)
        .Mov64(BpfRegister.R2, BpfRegister.R10)
        .Alu64(Add, BpfRegister.R2, -4)
        .Call(MapLookupElem)
        .JumpIf(JumpEqual, BpfRegister.R0, 0, "out")
        .Load(BpfSize.Double, BpfRegister.R7, BpfRegister.R0, 0)
        .Mov64(BpfRegister.R8, BpfRegister.R7)
        .Alu64(Add, BpfRegister.R8, 1)
        .Store(BpfSize.Double, BpfRegister.R0, 0, BpfRegister.R8)
        .Store(BpfSize.Double, BpfRegister.R10, -72, BpfRegister.R7)
        .Store(BpfSize.Double, BpfRegister.R10, -64, BpfRegister.R7)
        .Store(BpfSize.Double, BpfRegister.R10, -56, BpfRegister.R7)
        .Store(BpfSize.Double, BpfRegister.R10, -48, BpfRegister.R7)
        .Store(BpfSize.Double, BpfRegister.R10, -40, BpfRegister.R7)
        .Store(BpfSize.Double, BpfRegister.R10, -32, BpfRegister.R7)
        .Store(BpfSize.Double, BpfRegister.R10, -24, BpfRegister.R7)
        .Store(BpfSize.Double, BpfRegister.R10, -16, BpfRegister.R7)
        .Mov64(BpfRegister.R3, BpfRegister.R7)
        .Alu64(And, BpfRegister.R3, 7)
        .Alu64(LeftShift, BpfRegister.R3, 3)
        .Alu64(Add, BpfRegister.R3, 8)
        .LoadMapFd(BpfRegister.R1, ring)
        .Mov64(BpfRegister.R2, BpfRegister.R10)
        .Alu64(Add, BpfRegister.R2, -72)
        .Mov64(BpfRegister.R4, 0)
        .Call(RingbufOutput)
        .Label("out")
        .Mov64(BpfRegister.R0, 0)
        .Exit()
        .ToArray();

    /// <summary>
    /// Only for the thread <paramref name="pidTgid"/>: takes n from the u64 array <paramref name="counter"/> as
    /// <see cref="CountedRecords"/> does, reserves 16 bytes in the ring, writes n twice, and submits the record when n is
    /// even, discards it when odd.
    /// </summary>
    public static BpfInstruction[] EvenSubmittedOddDiscarded(SafeFileDescriptor ring, SafeFileDescriptor counter, long pidTgid) => OnlyProcessesForkedBy(pidTgid)
        .Store(BpfSize.Word, BpfRegister.R10, -4, 0)
        .LoadMapFd(BpfRegister.R1, counter)
        .Mov64(BpfRegister.R2, BpfRegister.R10)
        .Alu64(Add, BpfRegister.R2, -4)
        .Call(MapLookupElem)
        .JumpIf(JumpEqual, BpfRegister.R0, 0, "out")
        .Load(BpfSize.Double, BpfRegister.R7, BpfRegister.R0, 0)
        .Mov64(BpfRegister.R8, BpfRegister.R7)
        .Alu64(Add, BpfRegister.R8, 1)
        .Store(BpfSize.Double, BpfRegister.R0, 0, BpfRegister.R8)
        .LoadMapFd(BpfRegister.R1, ring)
        .Mov64(BpfRegister.R2, 16)
        .Mov64(BpfRegister.R3, 0)
        .Call(RingbufReserve)
        .JumpIf(JumpEqual, BpfRegister.R0, 0, "out")
        .Store(BpfSize.Double, BpfRegister.R0, 0, BpfRegister.R7)
        .Store(BpfSize.Double, BpfRegister.R0, 8, BpfRegister.R7)
        .Mov64(BpfRegister.R1, BpfRegister.R0)
        .Mov64(BpfRegister.R2, 0)
        .Mov64(BpfRegister.R3, BpfRegister.R7)
        .Alu64(And, BpfRegister.R3, 1)
        .JumpIf(JumpNotEqual, BpfRegister.R3, 0, "discard")
        .Call(RingbufSubmit)
        .Jump("out")
        .Label("discard")
        .Call(RingbufDiscard)
        .Label("out")
        .Mov64(BpfRegister.R0, 0)
        .Exit()
        .ToArray();

    /// <summary>The length of the n-th record <see cref="CountedRecords"/> writes: 8 to 64 bytes.</summary>
    public static int CountedRecordLength(long n) => 8 + (int)(n & 7) * 8;

    /// <summary>
    /// The start of a sched_process_fork program that goes on only for a process (not a thread: .NET starts threads of
    /// its own from any thread, a wait thread for child processes among them) forked by the thread <paramref name="pidTgid"/>.
    /// </summary>
    private static BpfAssembler OnlyProcessesForkedBy(long pidTgid)
    {
        var tgidOffset = KernelStructLayout.TryLoad(out var layout, out var error) ? layout.TaskTgid : throw new InvalidOperationException(error);
        return new BpfAssembler()
            .Mov64(BpfRegister.R6, BpfRegister.R1)
            .Call(GetCurrentPidTgid)
            .Load64(BpfRegister.R1, pidTgid)
            .JumpIf(JumpNotEqual, BpfRegister.R0, BpfRegister.R1, "out")
            .Load(BpfSize.Double, BpfRegister.R3, BpfRegister.R6, 8)
            .Alu64(Add, BpfRegister.R3, tgidOffset)
            .Mov64(BpfRegister.R1, BpfRegister.R10)
            .Alu64(Add, BpfRegister.R1, -16)
            .Mov64(BpfRegister.R2, 4)
            .Call(113)
            .Load(BpfSize.Word, BpfRegister.R1, BpfRegister.R10, -16)
            .JumpIf(JumpEqual, BpfRegister.R1, (int)(pidTgid >> 32), "out");
    }
}
