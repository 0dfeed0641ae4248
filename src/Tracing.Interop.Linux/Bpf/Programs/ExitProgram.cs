using Tracing.Linux.Bpf.Btf;
using Tracing.Linux.Bpf.Assembly;

namespace Tracing.Linux.Bpf.Programs;

/// <summary>
/// On the raw tracepoint <c>sched_process_exit</c> (argument: the exiting task, the current one), for every thread: its
/// ids, its <c>real_parent</c>'s, the wait status (<c>exit_code</c>, set before the tracepoint) and the signal its
/// parent gets (<c>exit_signal</c>, -1 for a thread), into a 40-byte record built on the stack.
/// </summary>
internal static class ExitProgram
{
    // The record at fp-48 .. fp-8; an 8-byte slot for pointers at fp-8.
    private const short Record = -48;
    private const short Slot = -8;

    public static BpfInstruction[] Build(KernelStructLayout offsets, int ringFd, int lostMapFd)
    {
        var task = BpfRegister.R7;
        var stack = BpfRegister.R10;
        return new BpfAssembler()
            .Load(BpfSize.Double, task, BpfRegister.R1, 0)
            .Store(BpfSize.Word, stack, Record + RecordLayout.Kind, RecordLayout.KindExit)
            .Store(BpfSize.Word, stack, Record + RecordLayout.ExitSignal + 4, 0)
            .StoreCurrentIds(stack, Record)
            .StoreParentIds(task, stack, Record, offsets, Slot)
            .ReadKernel(stack, Record + RecordLayout.Detail, 4, task, offsets.TaskExitCode)
            .ReadKernel(stack, Record + RecordLayout.ExitSignal, 4, task, offsets.TaskExitSignal)
            .StoreTime(stack, Record)
            .Mov64(BpfRegister.R2, stack).Alu64(BpfOpcodes.Add, BpfRegister.R2, Record)
            .Mov64(BpfRegister.R3, RecordLayout.ExitSize)
            .OutputAndExit(ringFd, lostMapFd, "exit_")
            .ToArray();
    }
}
