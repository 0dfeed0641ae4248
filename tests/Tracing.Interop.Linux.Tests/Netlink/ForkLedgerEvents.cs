using Tracing.Ports;

namespace Tracing.Linux.Tests.Netlink;

/// <summary>The kernel events a fork ledger is fed and asked about, as the proc connector reports them.</summary>
internal static class ForkLedgerEvents
{
    public static KernelEvent Fork(int parent, int child, long at = 0) => new()
    {
        Kind = KernelEventKind.Fork,
        TimestampNs = at,
        Pid = child,
        Tgid = child,
        ParentPid = parent,
        ParentTgid = parent,
    };

    public static KernelEvent Exit(int pid, long at) => new()
    {
        Kind = KernelEventKind.Exit,
        TimestampNs = at,
        Pid = pid,
        Tgid = pid,
        ExitSignal = 17,
    };

    /// <summary>The parent the tracer takes from a completed exec without reading the process (0: it reads it).</summary>
    public static int Known(KernelEvent exec) => Tracing.Tracer.Session.ParentOf.ExecKnown(null, exec);

    public static KernelEvent Exec(int pid, long at = 0) => new() { Kind = KernelEventKind.Exec, TimestampNs = at, Pid = pid, Tgid = pid };
}
