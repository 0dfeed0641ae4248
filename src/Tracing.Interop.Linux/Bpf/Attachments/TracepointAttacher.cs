namespace Tracing.Linux.Bpf.Attachments;

/// <summary>
/// Attaches a <see cref="BpfProgramType.Tracepoint"/> program to a classic tracepoint: a perf event of type
/// PERF_TYPE_TRACEPOINT whose config is the tracepoint's id (<see cref="TraceFs"/>), then PERF_EVENT_IOC_SET_BPF and
/// PERF_EVENT_IOC_ENABLE (Linux 4.7+), as libbpf attaches one. One event opened on CPU 0 for every process covers every
/// CPU: the kernel runs the program from the tracepoint's own program array, on whichever CPU the tracepoint fires
/// (include/trace/perf.h, <c>trace_call_bpf</c>), not from the event's per-CPU list.
/// </summary>
internal static class TracepointAttacher
{
    /// <summary>Attaches <paramref name="program"/> to <paramref name="category"/>:<paramref name="name"/> (e.g. syscalls:sys_enter_execve).</summary>
    /// <exception cref="UnauthorizedAccessException">Not permitted: the message names CAP_PERFMON and CAP_BPF.</exception>
    /// <exception cref="TracingUnavailableException">tracefs is not mounted and could not be; the message says how to mount it.</exception>
    /// <exception cref="IOException">No such tracepoint, or the kernel refused the event or the program.</exception>
    public static BpfAttachment Attach(SafeFileDescriptor program, string category, string name)
    {
        var hook = $"tracepoint:{category}:{name}";
        var attr = new Interop.Libc.PerfEventAttr
        {
            type = Interop.Libc.PERF_TYPE_TRACEPOINT,
            size = Interop.Libc.PERF_ATTR_SIZE_VER0,
            config = (ulong)TraceFs.ReadTracepointId(category, name),
            sample_period = 1,
            wakeup_events = 1,
            flags = Interop.Libc.PerfEventAttrDisabled,
        };
        var errno = Interop.Libc.PerfEventOpen(attr, pid: -1, cpu: 0, out var perfEvent);
        try
        {
            Interop.ThrowIfBpfError(errno, $"Opening the perf event of {hook}");
            Interop.ThrowIfBpfError(Interop.Libc.PerfEventSetBpf(perfEvent, program), $"Attaching an eBPF program to {hook}");
            Interop.ThrowIfBpfError(Interop.Libc.PerfEventEnable(perfEvent), $"Enabling the perf event of {hook}");
            return new BpfAttachment(hook, perfEvent);
        }
        catch
        {
            perfEvent.Dispose();
            throw;
        }
    }
}
