using Tracing.Linux.Bpf.Btf;
using Tracing.Linux.Bpf.Assembly;

namespace Tracing.Linux.Bpf.Programs;

/// <summary>
/// On the raw tracepoint <c>sched_process_fork</c> (arguments: the parent task, the child task): the child's thread and
/// process ids and its <c>real_parent</c>'s, as the proc connector reports a fork (for a thread, the parent is the
/// process's parent, not the thread that created it), into a 32-byte record built on the stack.
/// </summary>
internal static class ForkProgram
{
    // The record at fp-40 .. fp-8; an 8-byte slot for pointers at fp-8.
    private const short Record = -40;
    private const short Slot = -8;

    public static BpfInstruction[] Build(KernelStructLayout offsets, int ringFd, int lostMapFd)
    {
        var child = BpfRegister.R7;
        var stack = BpfRegister.R10;
        return new BpfAssembler()
            .Load(BpfSize.Double, child, BpfRegister.R1, 8)
            .Store(BpfSize.Word, stack, Record + RecordLayout.Kind, RecordLayout.KindFork)
            .Store(BpfSize.Word, stack, Record + RecordLayout.Detail, 0)
            .ReadKernel(stack, Record + RecordLayout.Pid, 4, child, offsets.TaskPid)
            .ReadKernel(stack, Record + RecordLayout.Tgid, 4, child, offsets.TaskTgid)
            .StoreParentIds(child, stack, Record, offsets, Slot)
            .StoreTime(stack, Record)
            .Mov64(BpfRegister.R2, stack).Alu64(BpfOpcodes.Add, BpfRegister.R2, Record)
            .Mov64(BpfRegister.R3, RecordLayout.ForkSize)
            .OutputAndExit(ringFd, lostMapFd, "fork_")
            .ToArray();
    }
}
