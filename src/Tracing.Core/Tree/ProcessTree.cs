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
    /// <param name="rootPid">The root's pid; null to track every process.</param>
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
    /// <param name="pid">The process's id.</param>
    /// <returns>True when tracked; otherwise false.</returns>
    public bool Contains(int pid) => _nodes.ContainsKey(pid);

    /// <summary>The node of a tracked process.</summary>
    /// <param name="pid">The process's id.</param>
    /// <param name="node">The node when tracked; otherwise null.</param>
    /// <returns>True when tracked; otherwise false.</returns>
    public bool TryGet(int pid, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ProcessNode? node) => _nodes.TryGetValue(pid, out node);

    /// <summary>A process was created; returns its node when it is tracked.</summary>
    /// <param name="parentPid">The process that forked.</param>
    /// <param name="childPid">The new process.</param>
    /// <param name="timestampNs">The fork's kernel timestamp.</param>
    /// <returns>The new process's node; null when it is not tracked (its parent is not).</returns>
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
    /// <param name="tgid">The process's id.</param>
    /// <param name="tid">The new thread's id.</param>
    public void OnThreadCreated(int tgid, int tid)
    {
        if (tid != tgid && _nodes.TryGetValue(tgid, out var node))
        {
            node.Threads.OnThreadCreated(tid);
        }
    }

    /// <summary>Process <paramref name="tgid"/> exec'd: it is one thread again, whichever thread exec'd.</summary>
    /// <param name="tgid">The process's id.</param>
    /// <param name="timestampNs">The exec's kernel timestamp; 0 when unknown.</param>
    /// <returns>The process's node; null when it is not tracked.</returns>
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
    /// <param name="pid">The process's id.</param>
    /// <param name="parentPid">Its parent, for a new node; 0 when unknown.</param>
    /// <returns>The existing node, or the one added.</returns>
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
    /// <param name="pid">The thread that exited.</param>
    /// <param name="tgid">Its process.</param>
    /// <param name="status">The thread's wait status.</param>
    /// <param name="node">The process's node when it is tracked; otherwise null.</param>
    /// <returns>Whether the exit is about a tracked process, and whether that process ended.</returns>
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
    /// <param name="pid">The process whose leader exited.</param>
    /// <returns>The ended process's node; null when it is not tracked or lives on.</returns>
    public ProcessNode? OnExit(int pid) => OnExit(pid, pid, 0, out var node) == ExitOutcome.ProcessEnded ? node : null;

    /// <summary>
    /// An exec found <paramref name="node"/> re-parented (see <see cref="ProcessNode.Orphaned"/>): it now has
    /// <paramref name="parentPid"/> for parent, or an unknown one (0) when the process was gone before it could be read.
    /// </summary>
    /// <param name="node">The re-parented process.</param>
    /// <param name="parentPid">Its new parent; 0 when unknown.</param>
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
