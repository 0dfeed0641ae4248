using System.Runtime.InteropServices;

namespace Tracing.Linux.Bpf.Programs;

/// <summary>
/// Where the programs find what they read in the kernel's structs, in bytes: the running kernel's own (from its BTF at
/// start), never constants, since they change from build to build.
/// </summary>
[StructLayout(LayoutKind.Auto)]
internal readonly record struct KernelOffsets
{
    public int TaskPid { get; init; }

    public int TaskTgid { get; init; }

    public int TaskRealParent { get; init; }

    public int TaskMm { get; init; }

    public int TaskCred { get; init; }

    public int TaskExitCode { get; init; }

    public int TaskExitSignal { get; init; }

    public int MmArgStart { get; init; }

    public int MmArgEnd { get; init; }

    public int CredUid { get; init; }

    public int CredEuid { get; init; }
}
