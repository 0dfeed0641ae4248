using Tracing.Linux.Bpf.Btf;
using Tracing.Linux.Bpf.Assembly;
using static Tracing.Linux.Bpf.Assembly.BpfOpcodes;

namespace Tracing.Linux.Bpf.Programs;

/// <summary>The pieces every program is made of, written once.</summary>
internal static class ProgramParts
{
    /// <summary>
    /// <c>bpf_probe_read_kernel(dst + dstOffset, size, src + srcOffset)</c>: reads a kernel struct's member. A read that
    /// fails (a pointer the kernel does not map) leaves zeros, which the reader takes as "unknown".
    /// </summary>
    public static BpfAssembler ReadKernel(this BpfAssembler program, BpfRegister dst, short dstOffset, int size, BpfRegister src, int srcOffset) => program
        .Mov64(BpfRegister.R1, dst).Alu64(Add, BpfRegister.R1, dstOffset)
        .Mov64(BpfRegister.R2, size)
        .Mov64(BpfRegister.R3, src).Alu64(Add, BpfRegister.R3, srcOffset)
        .Call(BpfHelper.ProbeReadKernel);

    /// <summary>
    /// <c>target = *(u64 *)(src + srcOffset)</c> for a kernel pointer, through an 8-byte stack slot at
    /// <paramref name="slot"/> below the frame: <paramref name="target"/> must be R6–R9 (the call clobbers R1–R5).
    /// </summary>
    public static BpfAssembler ReadKernelPointer(this BpfAssembler program, BpfRegister target, BpfRegister src, int srcOffset, short slot) => program
        .ReadKernel(BpfRegister.R10, slot, 8, src, srcOffset)
        .Load(BpfSize.Double, target, BpfRegister.R10, slot);

    /// <summary>Writes the current thread and process ids at <see cref="RecordLayout.Pid"/> and <see cref="RecordLayout.Tgid"/> of <paramref name="record"/>.</summary>
    public static BpfAssembler StoreCurrentIds(this BpfAssembler program, BpfRegister record, short recordOffset) => program
        .Call(BpfHelper.GetCurrentPidTgid)
        .Store(BpfSize.Word, record, (short)(recordOffset + RecordLayout.Pid), BpfRegister.R0)
        .Alu64(RightShift, BpfRegister.R0, 32)
        .Store(BpfSize.Word, record, (short)(recordOffset + RecordLayout.Tgid), BpfRegister.R0);

    /// <summary>Writes the kernel's CLOCK_MONOTONIC time at <see cref="RecordLayout.Timestamp"/> of <paramref name="record"/>.</summary>
    public static BpfAssembler StoreTime(this BpfAssembler program, BpfRegister record, short recordOffset) => program
        .Call(BpfHelper.KtimeGetNs)
        .Store(BpfSize.Double, record, (short)(recordOffset + RecordLayout.Timestamp), BpfRegister.R0);

    /// <summary>
    /// Writes the parent's thread and process ids (<c>task->real_parent</c>'s, as the proc connector names them) of the
    /// task in <paramref name="task"/>; uses R9 and the stack slot at <paramref name="slot"/>.
    /// </summary>
    public static BpfAssembler StoreParentIds(this BpfAssembler program, BpfRegister task, BpfRegister record, short recordOffset, KernelStructLayout offsets, short slot) => program
        .ReadKernelPointer(BpfRegister.R9, task, offsets.TaskRealParent, slot)
        .ReadKernel(record, (short)(recordOffset + RecordLayout.ParentPid), 4, BpfRegister.R9, offsets.TaskPid)
        .ReadKernel(record, (short)(recordOffset + RecordLayout.ParentTgid), 4, BpfRegister.R9, offsets.TaskTgid);

    /// <summary>
    /// Goes on only when the current task is in the cgroup at entry 0 of <paramref name="cgroupMapFd"/> (a
    /// <c>BPF_MAP_TYPE_CGROUP_ARRAY</c>) or below it, else to <paramref name="outside"/>; nothing when the fd is -1 (no
    /// scope decided in the kernel). R1–R5 are the call's.
    /// </summary>
    public static BpfAssembler OnlyUnderCgroup(this BpfAssembler program, int cgroupMapFd, string outside) => cgroupMapFd < 0 ? program : program
        .LoadMapFd(BpfRegister.R1, cgroupMapFd)
        .Mov64(BpfRegister.R2, 0)
        .Call(BpfHelper.CurrentTaskUnderCgroup)
        .JumpIf(JumpNotEqual, BpfRegister.R0, 1, outside);

    /// <summary>
    /// This CPU's scratch entry (an array map indexed by CPU) into <paramref name="record"/>; to <paramref name="missing"/>
    /// when there is none. Uses the 4 bytes below the frame.
    /// </summary>
    public static BpfAssembler LookupScratch(this BpfAssembler program, int scratchMapFd, BpfRegister record, string missing) => program
        .Call(BpfHelper.GetSmpProcessorId)
        .Store(BpfSize.Word, BpfRegister.R10, -4, BpfRegister.R0)
        .LoadMapFd(BpfRegister.R1, scratchMapFd)
        .Mov64(BpfRegister.R2, BpfRegister.R10).Alu64(Add, BpfRegister.R2, -4)
        .Call(BpfHelper.MapLookupElem)
        .JumpIf(JumpEqual, BpfRegister.R0, 0, missing)
        .Mov64(record, BpfRegister.R0);

    /// <summary>
    /// What an exec's and a failed exec's header say of the current task (in <paramref name="task"/>, R6–R8): its ids,
    /// the time, its parent's ids, its real and effective user ids (<c>cred</c>), its cgroup v2 id and its command name.
    /// Uses R9 and the stack slot at <paramref name="slot"/>.
    /// </summary>
    public static BpfAssembler StoreTaskFacts(this BpfAssembler program, BpfRegister task, BpfRegister record, KernelStructLayout offsets, short slot) => program
        .StoreCurrentIds(record, 0)
        .StoreTime(record, 0)
        .StoreParentIds(task, record, 0, offsets, slot)
        .ReadKernelPointer(BpfRegister.R9, task, offsets.TaskCred, slot)
        .ReadKernel(record, RecordLayout.Uid, 4, BpfRegister.R9, offsets.CredUid)
        .ReadKernel(record, RecordLayout.Euid, 4, BpfRegister.R9, offsets.CredEuid)
        .Call(BpfHelper.GetCurrentCgroupId)
        .Store(BpfSize.Double, record, RecordLayout.CgroupId, BpfRegister.R0)
        .Mov64(BpfRegister.R1, record).Alu64(Add, BpfRegister.R1, RecordLayout.Comm)
        .Mov64(BpfRegister.R2, RecordLayout.CommLength)
        .Call(BpfHelper.GetCurrentComm);

    /// <summary>
    /// <c>bpf_ringbuf_output(ring, data, size, 0)</c> (R2 and R3 set by the caller), and when the ring is full, one more in
    /// the lost counter (entry 0 of <paramref name="lostMapFd"/>, added atomically: every CPU shares it). Ends the program.
    /// The ring wakes the reader only when it had read everything before this record (the kernel's default), so a
    /// reader that lingers after a wake-up gathers a batch for one wake-up.
    /// </summary>
    public static BpfAssembler OutputAndExit(this BpfAssembler program, int ringFd, int lostMapFd, string prefix) => program
        .LoadMapFd(BpfRegister.R1, ringFd)
        .Mov64(BpfRegister.R4, 0)
        .Call(BpfHelper.RingbufOutput)
        .JumpIf(JumpEqual, BpfRegister.R0, 0, prefix + "done")
        .Store(BpfSize.Word, BpfRegister.R10, -4, 0)
        .LoadMapFd(BpfRegister.R1, lostMapFd)
        .Mov64(BpfRegister.R2, BpfRegister.R10).Alu64(Add, BpfRegister.R2, -4)
        .Call(BpfHelper.MapLookupElem)
        .JumpIf(JumpEqual, BpfRegister.R0, 0, prefix + "done")
        .Mov64(BpfRegister.R1, 1)
        .AtomicAdd64(BpfRegister.R0, 0, BpfRegister.R1)
        .Label(prefix + "done")
        .Mov64(BpfRegister.R0, 0)
        .Exit();
}
