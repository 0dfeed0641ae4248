using System.Runtime.InteropServices;

namespace Tracing.Ports;

/// <summary>What a process's status line tells: its parent, its command name and its state.</summary>
/// <param name="Pid">The process id.</param>
/// <param name="ParentPid">The parent process id.</param>
/// <param name="CommandName">The kernel's command name (<c>comm</c>).</param>
/// <param name="State">The one-letter state (R, S, Z, ...).</param>
[StructLayout(LayoutKind.Auto)]
public readonly record struct ProcessStat(int Pid, int ParentPid, string CommandName, char State)
{
    /// <summary>True for a zombie (exited, not yet reaped) or a dead process.</summary>
    public bool IsZombie => State is 'Z' or 'X';
}
