namespace Tracing.Linux.Bpf;

/// <summary>The program types used (include/uapi/linux/bpf.h, <c>enum bpf_prog_type</c>): what a program attaches to and what its context is.</summary>
internal enum BpfProgramType : uint
{
    /// <summary><c>BPF_PROG_TYPE_TRACEPOINT</c>: a classic tracepoint; the context is the event's record (its <c>format</c> file).</summary>
    Tracepoint = Interop.Libc.BPF_PROG_TYPE_TRACEPOINT,

    /// <summary><c>BPF_PROG_TYPE_RAW_TRACEPOINT</c> (Linux 4.17+): the context is the tracepoint's raw arguments, u64 each.</summary>
    RawTracepoint = Interop.Libc.BPF_PROG_TYPE_RAW_TRACEPOINT,
}
