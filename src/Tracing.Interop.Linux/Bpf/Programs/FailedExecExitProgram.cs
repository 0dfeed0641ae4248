using Tracing.Linux.Bpf.Assembly;
using Tracing.Linux.Bpf.Btf;
using static Tracing.Linux.Bpf.Assembly.BpfOpcodes;

namespace Tracing.Linux.Bpf.Programs;

/// <summary>
/// On <c>syscalls:sys_exit_execve</c> and <c>sys_exit_execveat</c>: takes the thread's pending entry (see
/// <see cref="FailedExecEnterProgram"/>); when the exec failed (a negative return), the caller's memory is still its own,
/// so the path and argv are read from it now, argument by argument (at most <c>maxArguments</c>, unrolled), into a
/// per-CPU scratch entry, and sent as a failed-exec record with the errno. An argv that does not fit, or has more
/// arguments, is flagged truncated (one that fills the room exactly is not); one whose first pointer cannot be read (a page not resident), unreadable.
/// </summary>
internal static class FailedExecExitProgram
{
    /// <summary>The most path bytes read (PATH_MAX, with its NUL).</summary>
    public const int MaxPathBytes = 4096;

    private const short Slot = -8;
    private const short Key = -16;
    private const short PathPointer = -24;
    private const short Return = -32;
    private const short LastByte = -40;

    /// <summary>The scratch entry's size for <paramref name="argvBytes"/>: the verifier bounds a read's offset and size apart, so argv takes twice its room.</summary>
    public static int ScratchSize(int argvBytes) => RecordLayout.ExecHeaderSize + (2 * argvBytes) + MaxPathBytes;

    public static BpfInstruction[] Build(
        KernelStructLayout offsets, int ringFd, int lostMapFd, int pendingMapFd, int scratchMapFd, int returnOffset, int maxArguments, int argvBytes)
    {
        BpfRegister record = BpfRegister.R6, cursor = BpfRegister.R7, used = BpfRegister.R8, stack = BpfRegister.R10;
        var program = new BpfAssembler()
            .Load(BpfSize.Double, BpfRegister.R1, BpfRegister.R1, (short)returnOffset)
            .Store(BpfSize.Double, stack, Return, BpfRegister.R1)
            .Call(BpfHelper.GetCurrentPidTgid)
            .Store(BpfSize.Double, stack, Key, BpfRegister.R0)
            .LoadMapFd(BpfRegister.R1, pendingMapFd)
            .Mov64(BpfRegister.R2, stack).Alu64(Add, BpfRegister.R2, Key)
            .Call(BpfHelper.MapLookupElem)
            .JumpIf(JumpEqual, BpfRegister.R0, 0, "out")
            .Load(BpfSize.Double, BpfRegister.R1, BpfRegister.R0, 0)
            .Store(BpfSize.Double, stack, PathPointer, BpfRegister.R1)
            .Load(BpfSize.Double, cursor, BpfRegister.R0, 8)
            .LoadMapFd(BpfRegister.R1, pendingMapFd)
            .Mov64(BpfRegister.R2, stack).Alu64(Add, BpfRegister.R2, Key)
            .Call(BpfHelper.MapDeleteElem)
            .Load(BpfSize.Double, BpfRegister.R1, stack, Return)
            .JumpIf(JumpSignedGreaterOrEqual, BpfRegister.R1, 0, "out")
            .LookupScratch(scratchMapFd, record, "out")
            .Store(BpfSize.Word, record, RecordLayout.Kind, RecordLayout.KindExecFailed)
            .Load(BpfSize.Double, BpfRegister.R1, stack, Return)
            .Alu64(Neg, BpfRegister.R1, 0)
            .Store(BpfSize.Word, record, RecordLayout.Detail, BpfRegister.R1)
            .Store(BpfSize.Word, record, RecordLayout.Flags, 0)
            .Call(BpfHelper.GetCurrentTask)
            .Mov64(used, BpfRegister.R0) // The task, in the register argv's count takes next.
            .StoreTaskFacts(used, record, offsets, Slot)
            .Mov64(used, 0);

        for (var i = 0; i < maxArguments; i++)
        {
            var failed = i == 0 ? "argv_unreadable" : "argv_truncated";
            program
                .Mov64(BpfRegister.R1, stack).Alu64(Add, BpfRegister.R1, Slot)
                .Mov64(BpfRegister.R2, 8)
                .Mov64(BpfRegister.R3, cursor)
                .Call(BpfHelper.ProbeReadUser)
                .JumpIf(JumpNotEqual, BpfRegister.R0, 0, failed)
                .Load(BpfSize.Double, BpfRegister.R3, stack, Slot)
                .JumpIf(JumpEqual, BpfRegister.R3, 0, "argv_done")
                .JumpIf(JumpGreaterOrEqual, used, argvBytes, "argv_truncated")
                .Mov64(BpfRegister.R1, record).Alu64(Add, BpfRegister.R1, RecordLayout.ExecHeaderSize).Alu64(Add, BpfRegister.R1, used)
                .Mov64(BpfRegister.R2, argvBytes).Alu64(Sub, BpfRegister.R2, used)
                .Mov64(BpfRegister.R9, BpfRegister.R2)
                .Call(BpfHelper.ProbeReadUserStr)
                .JumpIf(JumpSignedLessOrEqual, BpfRegister.R0, 0, failed)
                .Alu64(Add, used, BpfRegister.R0)
                .JumpIf(JumpNotEqual, BpfRegister.R0, BpfRegister.R9, $"argument_{i}_read")

                // The argument filled the room left: whole only when the byte its NUL took is its own NUL, not a cut.
                .Load(BpfSize.Double, BpfRegister.R3, stack, Slot)
                .Alu64(Add, BpfRegister.R3, BpfRegister.R9)
                .Alu64(Sub, BpfRegister.R3, 1)
                .Mov64(BpfRegister.R1, stack).Alu64(Add, BpfRegister.R1, LastByte)
                .Mov64(BpfRegister.R2, 1)
                .Call(BpfHelper.ProbeReadUser)
                .JumpIf(JumpNotEqual, BpfRegister.R0, 0, "argv_truncated")
                .Load(BpfSize.Byte, BpfRegister.R1, stack, LastByte)
                .JumpIf(JumpNotEqual, BpfRegister.R1, 0, "argv_truncated")
                .Label($"argument_{i}_read")
                .Alu64(Add, cursor, 8);
        }

        return program
            .Mov64(BpfRegister.R1, stack).Alu64(Add, BpfRegister.R1, Slot)
            .Mov64(BpfRegister.R2, 8)
            .Mov64(BpfRegister.R3, cursor)
            .Call(BpfHelper.ProbeReadUser)
            .JumpIf(JumpNotEqual, BpfRegister.R0, 0, "argv_done")
            .Load(BpfSize.Double, BpfRegister.R3, stack, Slot)
            .JumpIf(JumpEqual, BpfRegister.R3, 0, "argv_done")
            .Label("argv_truncated")
            .Store(BpfSize.Word, record, RecordLayout.Flags, RecordLayout.FlagArgvTruncated)
            .Jump("argv_done")
            .Label("argv_unreadable")
            .Store(BpfSize.Word, record, RecordLayout.Flags, RecordLayout.FlagArgvUnreadable)
            .Mov64(used, 0)
            .Label("argv_done")
            .JumpIf(JumpLessOrEqual, used, argvBytes, "argv_bounded")
            .Mov64(used, argvBytes)
            .Label("argv_bounded")
            .Store(BpfSize.Word, record, RecordLayout.ArgvLength, used)
            .Store(BpfSize.Word, record, RecordLayout.ArgvFullLength, used)
            .Mov64(BpfRegister.R1, record).Alu64(Add, BpfRegister.R1, RecordLayout.ExecHeaderSize).Alu64(Add, BpfRegister.R1, used)
            .Mov64(BpfRegister.R2, MaxPathBytes)
            .Load(BpfSize.Double, BpfRegister.R3, stack, PathPointer)
            .Call(BpfHelper.ProbeReadUserStr)
            .JumpIf(JumpSignedGreater, BpfRegister.R0, 0, "path_read")
            .Mov64(BpfRegister.R0, 0)
            .Label("path_read")
            .JumpIf(JumpLessOrEqual, BpfRegister.R0, MaxPathBytes, "path_bounded")
            .Mov64(BpfRegister.R0, MaxPathBytes)
            .Label("path_bounded")
            .Store(BpfSize.Word, record, RecordLayout.PathLength, BpfRegister.R0)
            .Mov64(BpfRegister.R2, record)
            .Mov64(BpfRegister.R3, used).Alu64(Add, BpfRegister.R3, BpfRegister.R0).Alu64(Add, BpfRegister.R3, RecordLayout.ExecHeaderSize)
            .OutputAndExit(ringFd, lostMapFd, "failed_")
            .Label("out")
            .Mov64(BpfRegister.R0, 0)
            .Exit()
            .ToArray();
    }
}
