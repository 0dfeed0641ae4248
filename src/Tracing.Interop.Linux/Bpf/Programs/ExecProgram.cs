using Tracing.Linux.Bpf.Btf;
using Tracing.Linux.Bpf.Assembly;
using static Tracing.Linux.Bpf.Assembly.BpfOpcodes;

namespace Tracing.Linux.Bpf.Programs;

/// <summary>
/// On the raw tracepoint <c>sched_process_exec</c> (arguments: the task, the thread id that called exec, the
/// <c>linux_binprm</c>), which fires for every exec that succeeded, 32-bit ones and those of a non-leader thread too,
/// after the new program's memory is built: ids, parent, user ids (<c>cred</c>: real and effective, after a set-user-id
/// exec), cgroup id, command name, and argv as one read of <c>mm->arg_start .. arg_end</c>, the block the kernel just
/// copied (so no other thread can change it under the read, and its pages are resident). The record is built in a
/// per-CPU scratch entry (an array map indexed by CPU: the program cannot nest on a CPU) and sent with its length.
/// </summary>
internal static class ExecProgram
{
    private const short Slot = -8;
    private const short ArgStartSlot = -16;
    private const short ArgEndSlot = -24;

    /// <summary>
    /// The program; <paramref name="maxArgvBytes"/> is the most argv bytes a record carries (the scratch entry's size less
    /// the header); with a <paramref name="cgroupMapFd"/>, only execs in its cgroup or below it are sent.
    /// </summary>
    public static BpfInstruction[] Build(KernelStructLayout offsets, int ringFd, int lostMapFd, int scratchMapFd, int maxArgvBytes, int cgroupMapFd = -1)
    {
        var context = BpfRegister.R6;
        var record = BpfRegister.R7;
        var task = BpfRegister.R8;
        var stack = BpfRegister.R10;
        var program = new BpfAssembler()
            .Mov64(context, BpfRegister.R1)
            .OnlyUnderCgroup(cgroupMapFd, "out")
            .LookupScratch(scratchMapFd, record, "out")
            .Load(BpfSize.Double, task, context, 0)
            .Store(BpfSize.Word, record, RecordLayout.Kind, RecordLayout.KindExec)
            .Load(BpfSize.Double, BpfRegister.R1, context, 8)
            .Store(BpfSize.Word, record, RecordLayout.Detail, BpfRegister.R1)
            .Store(BpfSize.Word, record, RecordLayout.PathLength, 0)
            .Store(BpfSize.Word, record, RecordLayout.Flags, 0)
            .StoreTaskFacts(task, record, offsets, Slot);

        // argv: arg_end - arg_start bytes at arg_start, at most maxArgvBytes of them.
        return program
            .ReadKernelPointer(BpfRegister.R9, task, offsets.TaskMm, Slot)
            .ReadKernel(stack, ArgStartSlot, 8, BpfRegister.R9, offsets.MmArgStart)
            .ReadKernel(stack, ArgEndSlot, 8, BpfRegister.R9, offsets.MmArgEnd)
            .Load(BpfSize.Double, BpfRegister.R3, stack, ArgStartSlot)
            .Load(BpfSize.Double, BpfRegister.R9, stack, ArgEndSlot)
            .Alu64(Sub, BpfRegister.R9, BpfRegister.R3)
            .Store(BpfSize.Word, record, RecordLayout.ArgvFullLength, BpfRegister.R9)
            .JumpIf(JumpLessOrEqual, BpfRegister.R9, maxArgvBytes, "fits")
            .Mov64(BpfRegister.R9, maxArgvBytes)
            .Label("fits")
            .Mov64(BpfRegister.R1, record).Alu64(Add, BpfRegister.R1, RecordLayout.ExecHeaderSize)
            .Mov64(BpfRegister.R2, BpfRegister.R9)
            .Call(BpfHelper.ProbeReadUser)
            .JumpIf(JumpSignedGreaterOrEqual, BpfRegister.R0, 0, "read")
            .Mov64(BpfRegister.R9, 0)
            .Store(BpfSize.Word, record, RecordLayout.Flags, RecordLayout.FlagArgvUnreadable)
            .Label("read")
            .Store(BpfSize.Word, record, RecordLayout.ArgvLength, BpfRegister.R9)
            .Mov64(BpfRegister.R2, record)
            .Mov64(BpfRegister.R3, BpfRegister.R9).Alu64(Add, BpfRegister.R3, RecordLayout.ExecHeaderSize)
            .OutputAndExit(ringFd, lostMapFd, "exec_")
            .Label("out")
            .Mov64(BpfRegister.R0, 0)
            .Exit()
            .ToArray();
    }
}
