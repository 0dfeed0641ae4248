namespace Tracing.Tracer;

/// <summary>Which kernel event source a tracer uses on Linux (<see cref="ExecTracingOptions.Source"/>).</summary>
public enum ExecTracingSource
{
    /// <summary>
    /// eBPF when the kernel (5.8+, BTF) and privileges (CAP_BPF and CAP_PERFMON, or root) allow it, else the proc
    /// connector; the log says once which was taken and why. Failed execs need eBPF: asked for them, the tracer fails
    /// to start, saying why, when eBPF cannot be had.
    /// </summary>
    Auto = 0,

    /// <summary>
    /// eBPF programs on the scheduler's exec, fork and exit tracepoints, events through a ring buffer: argv, command
    /// name, parent, user ids and cgroup are captured in the kernel at the exec, so a process that ends at once still has
    /// its whole argv. Sees failed execs. Starting fails, naming the capability or kernel feature missing, where it cannot run.
    /// </summary>
    Bpf = 1,

    /// <summary>
    /// The kernel proc connector (netlink): needs CAP_NET_ADMIN; argv and the rest are read from <c>/proc</c> after
    /// the exec, so a process that ends first loses its argv (reported as such). Does not see failed execs.
    /// </summary>
    ProcConnector = 2,
}
