using Tracing.Events;

namespace Tracing.Tree;

/// <summary>What the tracker remembers about one live process (a thread group, known by its id).</summary>
internal sealed class ProcessNode
{
    internal ProcessNode(int pid, int parentPid, int branch, long forkTimestampNs, ProcessNode? parent = null)
    {
        Pid = pid;
        ParentPid = parentPid;
        Branch = branch;
        ForkTimestampNs = forkTimestampNs;
        Parent = parent;
        Depth = parent is null ? 0 : parent.Depth + 1;
    }

    /// <summary>How far <see cref="NearestReported"/> looks: as deep as the tree keeps depths.</summary>
    private const int MaxAncestors = 4096;

    // Once it ended without an exec of its own reported: its nearest ancestor that had one, so that the orphans it
    // leaves still find it when the forks between them are gone.
    private ProcessNode? _reportedAncestor;

    /// <summary>The process id.</summary>
    public int Pid { get; }

    /// <summary>
    /// The parent: the process that forked it, until an exec found it re-parented (its forker had ended), then the
    /// parent it had at that exec.
    /// </summary>
    public int ParentPid { get; internal set; }

    /// <summary>The root's direct child this process descends from (itself for a direct child; 0 for the root or without a root).</summary>
    public int Branch { get; }

    /// <summary>
    /// Forks from the tree's root (0 for the root), or in a tree without a root from the oldest ancestor the tree knew
    /// when it was added (pid 1 once seeded from the process table). Set at birth: a re-parenting does not change it.
    /// </summary>
    public int Depth { get; internal set; }

    /// <summary>The fork's kernel timestamp; 0 when the process existed before tracing.</summary>
    public long ForkTimestampNs { get; }

    /// <summary>The last command name seen for it.</summary>
    public string? CommandName { get; set; }

    /// <summary>True once an event for it was reported, so its exit is reported too.</summary>
    public bool Reported { get; set; }

    /// <summary>
    /// True once an exec of it was reported. Not <see cref="Reported"/>: a process that existed before tracing may be in
    /// scope, its exit reported, without any exec of it reported.
    /// </summary>
    public bool ExecReported { get; private set; }

    /// <summary>The container it was in at its reported exec; null for the host or when not read.</summary>
    public ContainerInfo? Container { get; private set; }

    /// <summary>Its pid in its own namespace, as read at its reported exec; null when not read.</summary>
    public int? NamespacePid { get; private set; }

    /// <summary>Its threads besides the leader, and whether the leader has exited.</summary>
    public ThreadGroup Threads { get; } = new();

    /// <summary>The kernel timestamp of its latest exec; 0 before one was seen.</summary>
    public long ExecTimestampNs { get; private set; }

    /// <summary>True once its last thread exited.</summary>
    public bool Ended { get; private set; }

    /// <summary>
    /// True when the process that forked it is known to have ended since: the kernel re-parented it (to a child
    /// subreaper or the namespace's init), so <see cref="ParentPid"/> is no longer its parent.
    /// </summary>
    public bool Orphaned => Parent is { Ended: true };

    /// <summary>The node of the process that forked it, while the tracker knows it; dropped when this one ends.</summary>
    internal ProcessNode? Parent { get; set; }

    /// <summary>
    /// This process when an exec of it was reported, else its nearest ancestor whose exec was (along the forks that made
    /// it, as far as the tree knows them, ended ones included); null when none was.
    /// </summary>
    internal int? NearestReported() => NearestReportedNode()?.Pid;

    /// <summary>Its exec was reported: its exit will be, with what the exec read.</summary>
    internal void OnReported(ExecEvent exec)
    {
        CommandName = exec.CommandName;
        Container = exec.Container;
        NamespacePid = exec.NamespacePid;
        Reported = true;
        ExecReported = true;
    }

    /// <summary>It exec'd: one thread again, whichever called it.</summary>
    internal void OnExec(long timestampNs)
    {
        Threads.OnExec();
        ExecTimestampNs = Math.Max(ExecTimestampNs, timestampNs);
    }

    internal void MarkEnded()
    {
        _reportedAncestor = ExecReported ? null : Parent?.NearestReportedNode();
        Ended = true;
        Parent = null;
    }

    private ProcessNode? NearestReportedNode()
    {
        var current = this;
        for (var steps = 0; current is not null && !current.ExecReported && steps < MaxAncestors; steps++)
        {
            current = current.Ended ? current._reportedAncestor : current.Parent;
        }

        return current is { ExecReported: true } ? current : null;
    }

    /// <summary>The parent it had when it exec'd, read from the process because its forker had ended.</summary>
    internal void Reparent(int parentPid)
    {
        ParentPid = parentPid;
        Parent = null;
    }
}
