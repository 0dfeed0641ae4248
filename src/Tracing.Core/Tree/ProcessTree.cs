namespace Tracing.Tree;

/// <summary>
/// Tracks live processes (thread groups, by their id) from fork, exec and exit facts: either every process, or a root
/// and its descendants. A process ends when its last thread exits, which is not always its leader's exit (see
/// <see cref="ThreadGroup"/>); ended processes are removed, so the tree holds only live ones.
/// Not thread-safe: the tracer drives it from one thread.
/// </summary>
internal sealed partial class ProcessTree
{
    private readonly Dictionary<int, ProcessNode> _nodes = [];

    // Tracked processes the last resynchronisation found gone from /proc: a process reaped before its EXIT datagram was
    // sent is gone there while its exit is still on its way. Kept until the next resynchronisation or a reuse of the pid.
    private readonly Dictionary<int, ProcessNode> _departed = [];

    /// <summary>Tracks a root and its descendants, or every process when <paramref name="rootPid"/> is null.</summary>
    public ProcessTree(int? rootPid)
    {
        RootPid = rootPid;
        if (rootPid is int root)
        {
            Track(new ProcessNode(root, 0, 0, 0));
        }
    }

    /// <summary>The root, or null when every process is tracked.</summary>
    public int? RootPid { get; }

    /// <summary>How many live processes are tracked.</summary>
    public int Count => _nodes.Count;

    /// <summary>True when the process is tracked.</summary>
    public bool Contains(int pid) => _nodes.ContainsKey(pid);

    /// <summary>The node of a tracked process.</summary>
    public bool TryGet(int pid, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ProcessNode? node) => _nodes.TryGetValue(pid, out node);

    /// <summary>A process was created; returns its node when it is tracked.</summary>
    public ProcessNode? OnFork(int parentPid, int childPid, long timestampNs)
    {
        if (childPid == RootPid)
        {
            // The root's own fork, seen when tracing starts before the root does: it stays the root.
            return _nodes.GetValueOrDefault(childPid);
        }

        ProcessNode? parent;
        if (RootPid is null)
        {
            // Every process: the forker gets a node too, so that its end is known to the children it leaves.
            parent = parentPid > 0 ? GetOrAdd(parentPid, 0) : null;
        }
        else if (!_nodes.TryGetValue(parentPid, out parent))
        {
            // A reused pid of a process we tracked must not keep its old identity.
            Forget(childPid);
            return null;
        }

        var branch = parent is null ? 0 : parentPid == RootPid ? childPid : parent.Branch;
        Forget(childPid);
        var node = new ProcessNode(childPid, parentPid, branch, timestampNs, parent);
        Track(node);
        return node;
    }

    /// <summary>A thread was created in process <paramref name="tgid"/>.</summary>
    public void OnThreadCreated(int tgid, int tid)
    {
        if (tid != tgid && _nodes.TryGetValue(tgid, out var node))
        {
            node.Threads.OnThreadCreated(tid);
        }
    }

    /// <summary>Process <paramref name="tgid"/> exec'd: it is one thread again, whichever thread exec'd.</summary>
    public ProcessNode? OnExec(int tgid, long timestampNs = 0)
    {
        if (!_nodes.TryGetValue(tgid, out var node))
        {
            return null;
        }

        node.OnExec(timestampNs);
        return node;
    }

    /// <summary>When every process is tracked: the node of a process, created when the tracker has not seen its fork.</summary>
    public ProcessNode GetOrAdd(int pid, int parentPid)
    {
        if (!_nodes.TryGetValue(pid, out var node))
        {
            node = new ProcessNode(pid, parentPid, 0, 0, parentPid > 0 ? _nodes.GetValueOrDefault(parentPid) : null);
            Track(node);
        }

        return node;
    }

    /// <summary>
    /// Thread <paramref name="pid"/> of process <paramref name="tgid"/> exited (<paramref name="pid"/> == <paramref name="tgid"/>
    /// for the leader) with wait status <paramref name="status"/>. The process ends, and its node is removed and given
    /// back, only with its last thread; <see cref="ThreadGroup.ProcessStatus"/> then gives the process's status.
    /// </summary>
    public ExitOutcome OnExit(int pid, int tgid, int status, out ProcessNode? node) => OnExit(pid, tgid, status, 0, out node);

    /// <inheritdoc cref="OnExit(int, int, int, out ProcessNode?)"/>
    /// <remarks>
    /// A leader's exit stamped before the process's latest exec (<paramref name="timestampNs"/>) is the old leader's
    /// that <c>de_thread</c> killed, sent late: the process lives on in its new image.
    /// </remarks>
    public ExitOutcome OnExit(int pid, int tgid, int status, long timestampNs, out ProcessNode? node)
    {
        if (!_nodes.TryGetValue(tgid, out node))
        {
            if (!_departed.TryGetValue(tgid, out node))
            {
                return ExitOutcome.Untracked;
            }

            var gone = pid == tgid ? node.Threads.OnLeaderExited(status) : node.Threads.OnThreadExited(pid, status);
            return gone && _departed.Remove(tgid) ? ExitOutcome.ProcessEnded : ExitOutcome.ProcessLives;
        }

        if (pid == tgid && timestampNs != 0 && timestampNs < node.ExecTimestampNs)
        {
            return ExitOutcome.ProcessLives;
        }

        var ended = pid == tgid ? node.Threads.OnLeaderExited(status) : node.Threads.OnThreadExited(pid, status);
        if (!ended)
        {
            return ExitOutcome.ProcessLives;
        }

        Untrack(tgid, out _);
        node.MarkEnded();
        return ExitOutcome.ProcessEnded;
    }

    /// <summary>A process's leader exited; removes and returns its node when that ended a tracked process.</summary>
    public ProcessNode? OnExit(int pid) => OnExit(pid, pid, 0, out var node) == ExitOutcome.ProcessEnded ? node : null;

    /// <summary>
    /// An exec found <paramref name="node"/> re-parented (see <see cref="ProcessNode.Orphaned"/>): it now has
    /// <paramref name="parentPid"/> for parent, or an unknown one (0) when the process was gone before it could be read.
    /// </summary>
    public void Reparent(ProcessNode node, int parentPid)
    {
        ArgumentNullException.ThrowIfNull(node);
        node.Reparent(parentPid);
        if (parentPid > 0 && _nodes.TryGetValue(parentPid, out var parent))
        {
            node.Parent = parent;
        }
    }

    // A pid the kernel gave to a new process: whatever the tree knew under it ended, unseen.
    private void Forget(int pid)
    {
        _departed.Remove(pid);
        if (Untrack(pid, out var stale))
        {
            stale.MarkEnded();
        }
    }
}
