using System.Runtime.InteropServices;
using System.Text;
using Tracing.Linux.Bpf.Assembly;

namespace Tracing.Linux.Bpf;

/// <summary>
/// Loads an eBPF program into the kernel (bpf(BPF_PROG_LOAD)). The verifier's log is asked for, so a refusal says
/// what the verifier objected to, and a refusal for privileges names the capabilities it takes.
/// </summary>
internal static class BpfProgramLoader
{
    /// <summary>The verifier's log buffer: its messages for a program of a few hundred instructions fit.</summary>
    private const int LogSize = 1024 * 1024;

    /// <summary>How much of the verifier's log a refusal's message keeps: its end, which says what was refused.</summary>
    private const int LogShown = 4096;

    /// <summary>Loads <paramref name="program"/> as a tracepoint program; the fd holds it loaded until disposed.</summary>
    /// <exception cref="UnauthorizedAccessException">Not permitted: the message names CAP_BPF and CAP_PERFMON.</exception>
    /// <exception cref="IOException">The kernel refused it; the message carries the verifier's log.</exception>
    public static SafeFileDescriptor LoadTracepointProgram(ReadOnlySpan<BpfInstruction> program, string license = "GPL") =>
        Load(BpfProgramType.Tracepoint, program, license);

    /// <summary>Loads <paramref name="program"/> as a program of <paramref name="type"/>; the fd holds it loaded until disposed.</summary>
    /// <exception cref="UnauthorizedAccessException">Not permitted: the message names CAP_BPF and CAP_PERFMON.</exception>
    /// <exception cref="IOException">The kernel refused it; the message carries the verifier's log.</exception>
    public static SafeFileDescriptor Load(BpfProgramType type, ReadOnlySpan<BpfInstruction> program, string license = "GPL")
    {
        // Without a log first: a log that does not hold the verifier's every line fails the load (ENOSPC) even when the
        // program is sound, and writing it costs time. Only a refusal is loaded again, with a log, to say why.
        var licenseBytes = Encoding.ASCII.GetBytes(license + "\0");
        var errno = TryLoad(type, program, licenseBytes, [], out var fd);
        if (errno == 0)
        {
            return fd;
        }

        fd.Dispose();
        var log = new byte[LogSize];
        var again = TryLoad(type, program, licenseBytes, log, out fd);
        if (again == 0)
        {
            // Refused, then taken: a transient refusal (memory); the program is loaded.
            return fd;
        }

        fd.Dispose();
        var verifier = Encoding.UTF8.GetString(log, 0, Math.Max(0, Array.IndexOf(log, (byte)0))).Trim();
        if (verifier.Length > LogShown)
        {
            // The log's end says what was refused (the kernel keeps the end when the log is longer than its buffer).
            verifier = "..." + verifier[^LogShown..];
        }

        throw errno switch
        {
            Interop.Errno.EPERM or Interop.Errno.EACCES when verifier.Length == 0 => new UnauthorizedAccessException(
                $"Loading an eBPF program was refused ({Marshal.GetPInvokeErrorMessage(errno)}): it takes root, or the capabilities CAP_BPF and CAP_PERFMON (Linux 5.8+)."),
            _ => new IOException(
                $"The kernel refused the eBPF program: {Marshal.GetPInvokeErrorMessage(errno)} (errno {errno}).{(verifier.Length > 0 ? " The verifier said: " + verifier : string.Empty)}", errno),
        };
    }

    private static unsafe int TryLoad(BpfProgramType type, ReadOnlySpan<BpfInstruction> program, byte[] license, byte[] log, out SafeFileDescriptor fd)
    {
        fixed (BpfInstruction* instructions = program)
        fixed (byte* licensePointer = license)
        fixed (byte* logPointer = log)
        {
            var attr = new Interop.Libc.BpfProgLoadAttr
            {
                prog_type = (uint)type,
                insn_cnt = (uint)program.Length,
                insns = (ulong)instructions,
                license = (ulong)licensePointer,
                log_level = log.Length > 0 ? 1u : 0u,
                log_size = (uint)log.Length,
                log_buf = (ulong)logPointer,
            };
            return Interop.Libc.BpfProgLoad(ref attr, out fd);
        }
    }
}
