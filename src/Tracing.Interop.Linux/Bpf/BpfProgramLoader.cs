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
    private const int LogSize = 64 * 1024;

    /// <summary>Loads <paramref name="program"/> as a tracepoint program; the fd holds it loaded until disposed.</summary>
    /// <exception cref="UnauthorizedAccessException">Not permitted: the message names CAP_BPF and CAP_PERFMON.</exception>
    /// <exception cref="IOException">The kernel refused it; the message carries the verifier's log.</exception>
    public static SafeFileDescriptor LoadTracepointProgram(ReadOnlySpan<BpfInstruction> program, string license = "GPL") =>
        Load(BpfProgramType.Tracepoint, program, license);

    /// <summary>Loads <paramref name="program"/> as a program of <paramref name="type"/>; the fd holds it loaded until disposed.</summary>
    /// <exception cref="UnauthorizedAccessException">Not permitted: the message names CAP_BPF and CAP_PERFMON.</exception>
    /// <exception cref="IOException">The kernel refused it; the message carries the verifier's log.</exception>
    public static unsafe SafeFileDescriptor Load(BpfProgramType type, ReadOnlySpan<BpfInstruction> program, string license = "GPL")
    {
        var licenseBytes = Encoding.ASCII.GetBytes(license + "\0");
        var log = new byte[LogSize];
        fixed (BpfInstruction* instructions = program)
        fixed (byte* licensePointer = licenseBytes)
        fixed (byte* logPointer = log)
        {
            var attr = new Interop.Libc.BpfProgLoadAttr
            {
                prog_type = (uint)type,
                insn_cnt = (uint)program.Length,
                insns = (ulong)instructions,
                license = (ulong)licensePointer,
                log_level = 1,
                log_size = LogSize,
                log_buf = (ulong)logPointer,
            };
            var errno = Interop.Libc.BpfProgLoad(ref attr, out var fd);
            if (errno == 0)
            {
                return fd;
            }

            fd.Dispose();
            var verifier = Encoding.UTF8.GetString(log, 0, Math.Max(0, Array.IndexOf(log, (byte)0))).Trim();
            throw errno switch
            {
                Interop.Errno.EPERM or Interop.Errno.EACCES when verifier.Length == 0 => new UnauthorizedAccessException(
                    $"Loading an eBPF program was refused ({Marshal.GetPInvokeErrorMessage(errno)}): it takes root, or the capabilities CAP_BPF and CAP_PERFMON (Linux 5.8+)."),
                _ => new IOException(
                    $"The kernel refused the eBPF program: {Marshal.GetPInvokeErrorMessage(errno)} (errno {errno}).{(verifier.Length > 0 ? " The verifier said: " + verifier : string.Empty)}", errno),
            };
        }
    }
}
