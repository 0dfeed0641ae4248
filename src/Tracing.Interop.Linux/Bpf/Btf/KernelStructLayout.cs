using System.Diagnostics.CodeAnalysis;

namespace Tracing.Linux.Bpf.Btf;

/// <summary>
/// The offsets, in bytes, of the kernel struct members the eBPF programs read with <c>bpf_probe_read_kernel</c>, taken
/// from this kernel's BTF. Each member's size is checked against what a program reads there.
/// </summary>
/// <param name="TaskPid"><c>task_struct.pid</c> (pid_t, 4 bytes): the thread id.</param>
/// <param name="TaskTgid"><c>task_struct.tgid</c> (pid_t, 4 bytes): the process id.</param>
/// <param name="TaskRealParent"><c>task_struct.real_parent</c> (a pointer): the parent, not the ptracer.</param>
/// <param name="TaskMm"><c>task_struct.mm</c> (a pointer): the address space.</param>
/// <param name="TaskCred"><c>task_struct.cred</c> (a pointer): the effective credentials.</param>
/// <param name="TaskExitCode"><c>task_struct.exit_code</c> (int, 4 bytes).</param>
/// <param name="TaskExitSignal"><c>task_struct.exit_signal</c> (int, 4 bytes).</param>
/// <param name="TaskFlags"><c>task_struct.flags</c> (unsigned int, 4 bytes): PF_* flags.</param>
/// <param name="MmArgStart"><c>mm_struct.arg_start</c> (unsigned long, 8 bytes): where argv's strings start in user memory.</param>
/// <param name="MmArgEnd"><c>mm_struct.arg_end</c> (unsigned long, 8 bytes).</param>
/// <param name="CredUid"><c>cred.uid.val</c> (uid_t, 4 bytes): the real user id.</param>
/// <param name="CredEuid"><c>cred.euid.val</c> (uid_t, 4 bytes): the effective user id.</param>
/// <param name="BinprmFilename"><c>linux_binprm.filename</c> (a pointer): the name the program was run by.</param>
/// <param name="BinprmInterp"><c>linux_binprm.interp</c> (a pointer): the file actually run (a script's interpreter).</param>
/// <param name="BinprmArgc"><c>linux_binprm.argc</c> (int, 4 bytes).</param>
internal sealed record KernelStructLayout(
    int TaskPid, int TaskTgid, int TaskRealParent, int TaskMm, int TaskCred, int TaskExitCode, int TaskExitSignal, int TaskFlags,
    int MmArgStart, int MmArgEnd, int CredUid, int CredEuid, int BinprmFilename, int BinprmInterp, int BinprmArgc)
{
    // What a program reads at each member: a 64-bit kernel's pointers and unsigned longs, C's int and its pid_t and uid_t.
    private const int Pointer = 8;
    private const int Long = 8;
    private const int Int = 4;

    /// <summary>Reads the running kernel's BTF, then resolves the layout from it.</summary>
    public static bool TryLoad([NotNullWhen(true)] out KernelStructLayout? layout, [NotNullWhen(false)] out string? error)
    {
        layout = null;
        return KernelBtf.TryLoad(out var btf, out error) && TryResolve(btf, out layout, out error);
    }

    /// <summary>
    /// Finds every member at once in <paramref name="btf"/>. False when any is missing, unreadable (a bitfield) or of
    /// another size than a program reads; the message then lists every one that is, not only the first.
    /// </summary>
    public static bool TryResolve(BtfTypes btf, [NotNullWhen(true)] out KernelStructLayout? layout, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(btf);
        var problems = new List<string>();
        int Offset(string structName, string path, int size)
        {
            if (!btf.TryGetMember(structName, path, out var member, out var problem))
            {
                problems.Add(problem);
                return -1;
            }

            if (member.Size != size)
            {
                problems.Add($"{structName}.{path} is {member.Size} bytes, where the eBPF programs read {size}");
                return -1;
            }

            return member.Offset;
        }

        var candidate = new KernelStructLayout(
            TaskPid: Offset("task_struct", "pid", Int),
            TaskTgid: Offset("task_struct", "tgid", Int),
            TaskRealParent: Offset("task_struct", "real_parent", Pointer),
            TaskMm: Offset("task_struct", "mm", Pointer),
            TaskCred: Offset("task_struct", "cred", Pointer),
            TaskExitCode: Offset("task_struct", "exit_code", Int),
            TaskExitSignal: Offset("task_struct", "exit_signal", Int),
            TaskFlags: Offset("task_struct", "flags", Int),
            MmArgStart: Offset("mm_struct", "arg_start", Long),
            MmArgEnd: Offset("mm_struct", "arg_end", Long),
            CredUid: Offset("cred", "uid.val", Int),
            CredEuid: Offset("cred", "euid.val", Int),
            BinprmFilename: Offset("linux_binprm", "filename", Pointer),
            BinprmInterp: Offset("linux_binprm", "interp", Pointer),
            BinprmArgc: Offset("linux_binprm", "argc", Int));
        if (problems.Count > 0)
        {
            layout = null;
            error = $"the kernel's BTF does not have what the eBPF programs read ({problems.Count} of 15): {string.Join("; ", problems)}";
            return false;
        }

        layout = candidate;
        error = null;
        return true;
    }
}
