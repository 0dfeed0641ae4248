namespace Tracing.Linux.Bpf.Assembly;

/// <summary>The eBPF registers: R0 the return value, R1–R5 arguments (R1 the program's context), R6–R9 kept across calls, R10 the frame pointer (read-only).</summary>
internal enum BpfRegister : byte
{
    R0,
    R1,
    R2,
    R3,
    R4,
    R5,
    R6,
    R7,
    R8,
    R9,
    R10,
}
