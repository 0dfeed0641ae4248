using System.Text;

namespace Tracing.Linux.Bpf.Attachments;

/// <summary>Attaches a <see cref="BpfProgramType.RawTracepoint"/> program with bpf(BPF_RAW_TRACEPOINT_OPEN) (Linux 4.17+).</summary>
internal static class RawTracepointAttacher
{
    /// <summary>
    /// Attaches <paramref name="program"/> to the raw tracepoint <paramref name="tracepoint"/> (e.g. "sched_process_exec",
    /// the name after <c>trace_</c> in the kernel, no category). It runs on every CPU until the attachment is disposed.
    /// </summary>
    /// <exception cref="UnauthorizedAccessException">Not permitted: the message names CAP_BPF and CAP_PERFMON.</exception>
    /// <exception cref="IOException">The kernel refused: ENOENT for a tracepoint it does not have, EINVAL for a program of another type.</exception>
    public static BpfAttachment Attach(SafeFileDescriptor program, string tracepoint)
    {
        var name = Encoding.UTF8.GetBytes(tracepoint + "\0");
        var errno = Interop.Libc.BpfRawTracepointOpen(program, name, out var fd);
        if (errno != 0)
        {
            fd.Dispose();
            throw Interop.GetExceptionForBpfErrno(errno, $"Attaching an eBPF program to the raw tracepoint '{tracepoint}'");
        }

        return new BpfAttachment("raw_tracepoint:" + tracepoint, fd);
    }
}
