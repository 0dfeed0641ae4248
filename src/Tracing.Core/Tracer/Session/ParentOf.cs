using Tracing.Ports;
using Tracing.Tree;

namespace Tracing.Tracer.Session;

/// <summary>
/// The one place that decides a process's parent in an event. An exec's parent is <c>getppid()</c> at the exec: the
/// forker while it lives, known without a read (from the tree, or from the source, whose fork ledger saw the fork);
/// once the forker has ended the process was re-parented (to a subreaper or init), which only the process can tell.
/// The tree and the source only report facts (the forker, and whether it has ended: <see cref="ProcessNode.Orphaned"/>,
/// <see cref="KernelEvent.ForkerEnded"/>); the choice is made here.
/// </summary>
internal static class ParentOf
{
    /// <summary>Means "read it from the process".</summary>
    public const int Unknown = 0;

    /// <summary>The parent an exec has without reading the process, or <see cref="Unknown"/>.</summary>
    public static int ExecKnown(ProcessNode? node, in KernelEvent kernelEvent) =>
        node is not null ? (node.Orphaned ? Unknown : node.ParentPid)
        : kernelEvent.ForkerEnded ? Unknown
        : kernelEvent.ParentTgid;

    /// <summary>
    /// The parent of an exec from what was read: the known one, else the pidfd's, else stat's; 0 when the process was
    /// gone before any could be read.
    /// </summary>
    public static int Exec(int known, bool hasIdentity, in ProcessIdentity identity, bool hasStat, in ProcessStat stat) =>
        known > 0 ? known
        : hasIdentity ? identity.ParentPid
        : hasStat ? stat.ParentPid
        : 0;

    /// <summary>Whether an exec's reads must include one that gives the parent.</summary>
    public static bool MustRead(int known) => known <= 0;

    /// <summary>An exit's parent: the one the kernel names in the exit, else the tree's.</summary>
    public static int Exit(ProcessNode node, in KernelEvent kernelEvent) =>
        kernelEvent.ParentTgid != 0 ? kernelEvent.ParentTgid : node.ParentPid;
}
