using Tracing.Ports;

namespace Tracing.Linux.CnProc;

/// <summary>Turns proc connector events into the platform-free <see cref="KernelEvent"/>.</summary>
internal static class CnProcEventMapper
{
    /// <summary>
    /// Maps <paramref name="procEvent"/>; false for a subscription reply (NONE) or a <c>what</c> no header defines.
    /// Kinds the tracer does not use (GID, SID, PTRACE) map to <see cref="KernelEventKind.Other"/> with their pids.
    /// </summary>
    public static bool TryToKernelEvent(in ProcEvent procEvent, out KernelEvent kernelEvent)
    {
        var timestampNs = unchecked((long)procEvent.TimestampNs);
        switch (procEvent.What)
        {
            case ProcEventWhat.Fork:
                kernelEvent = new KernelEvent
                {
                    Kind = KernelEventKind.Fork,
                    TimestampNs = timestampNs,
                    Pid = procEvent.ChildPid,
                    Tgid = procEvent.ChildTgid,
                    ParentPid = procEvent.ParentPid,
                    ParentTgid = procEvent.ParentTgid,
                };
                return true;

            case ProcEventWhat.Exit:
                kernelEvent = new KernelEvent
                {
                    Kind = KernelEventKind.Exit,
                    TimestampNs = timestampNs,
                    Pid = procEvent.ProcessPid,
                    Tgid = procEvent.ProcessTgid,
                    ParentPid = procEvent.ExitParentPid,
                    ParentTgid = procEvent.ExitParentTgid,
                    ExitCode = procEvent.ExitCode,
                    ExitSignal = procEvent.ExitSignal,
                };
                return true;

            case ProcEventWhat.Coredump:
                kernelEvent = new KernelEvent
                {
                    Kind = KernelEventKind.Coredump,
                    TimestampNs = timestampNs,
                    Pid = procEvent.ProcessPid,
                    Tgid = procEvent.ProcessTgid,
                    ParentPid = procEvent.CoredumpParentPid,
                    ParentTgid = procEvent.CoredumpParentTgid,
                };
                return true;

            case ProcEventWhat.Exec:
                return Process(procEvent, KernelEventKind.Exec, timestampNs, out kernelEvent);
            case ProcEventWhat.Uid:
                return Process(procEvent, KernelEventKind.Uid, timestampNs, out kernelEvent);
            case ProcEventWhat.Comm:
                return Process(procEvent, KernelEventKind.Comm, timestampNs, out kernelEvent);
            case ProcEventWhat.Gid or ProcEventWhat.Sid or ProcEventWhat.Ptrace:
                return Process(procEvent, KernelEventKind.Other, timestampNs, out kernelEvent);

            default:
                kernelEvent = new KernelEvent { Kind = KernelEventKind.Other, TimestampNs = timestampNs };
                return false;
        }
    }

    private static bool Process(in ProcEvent procEvent, KernelEventKind kind, long timestampNs, out KernelEvent kernelEvent)
    {
        kernelEvent = new KernelEvent
        {
            Kind = kind,
            TimestampNs = timestampNs,
            Pid = procEvent.ProcessPid,
            Tgid = procEvent.ProcessTgid,
        };
        return true;
    }
}
