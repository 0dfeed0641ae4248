using Tracing.Linux.Bpf.Assembly;
using static Tracing.Linux.Bpf.Assembly.BpfOpcodes;

namespace Tracing.Linux.Bpf.Programs;

/// <summary>
/// On <c>syscalls:sys_enter_execve</c> and <c>sys_enter_execveat</c>: remembers, by thread, the path and argv pointers
/// the caller passed (16 bytes in an LRU hash: a thread whose exec succeeded from a non-leader thread never returns
/// under its own id, and its entry ages out). Nothing is read here: an exec that succeeds costs an update and a delete.
/// </summary>
internal static class FailedExecEnterProgram
{
    /// <summary>The pending entry: the path pointer, then the argv pointer.</summary>
    public const int EntrySize = 16;

    /// <summary>
    /// The program; the offsets are the tracepoint's <c>filename</c> and <c>argv</c> fields (its format file); with a
    /// <paramref name="cgroupMapFd"/>, only threads in its cgroup or below it are remembered (the others never fail here).
    /// </summary>
    public static BpfInstruction[] Build(int pendingMapFd, int filenameOffset, int argvOffset, int cgroupMapFd = -1) => new BpfAssembler()
        .Mov64(BpfRegister.R6, BpfRegister.R1)
        .OnlyUnderCgroup(cgroupMapFd, "out")
        .Load(BpfSize.Double, BpfRegister.R1, BpfRegister.R6, (short)filenameOffset)
        .Store(BpfSize.Double, BpfRegister.R10, -16, BpfRegister.R1)
        .Load(BpfSize.Double, BpfRegister.R1, BpfRegister.R6, (short)argvOffset)
        .Store(BpfSize.Double, BpfRegister.R10, -8, BpfRegister.R1)
        .Call(BpfHelper.GetCurrentPidTgid)
        .Store(BpfSize.Double, BpfRegister.R10, -24, BpfRegister.R0)
        .LoadMapFd(BpfRegister.R1, pendingMapFd)
        .Mov64(BpfRegister.R2, BpfRegister.R10).Alu64(Add, BpfRegister.R2, -24)
        .Mov64(BpfRegister.R3, BpfRegister.R10).Alu64(Add, BpfRegister.R3, -16)
        .Mov64(BpfRegister.R4, 0)
        .Call(BpfHelper.MapUpdateElem)
        .Label("out")
        .Mov64(BpfRegister.R0, 0)
        .Exit()
        .ToArray();
}
