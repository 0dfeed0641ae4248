namespace Tracing.Tree;

/// <summary>
/// Tracks live processes (by thread-group id, never by thread) from fork and exit facts: either every process,
/// or a root and its descendants. Exits remove entries, so it holds only live processes.
/// Not thread-safe: the tracer drives it from one thread.
/// </summary>
public sealed class ProcessTree
{
    private readonly Dictionary<int, ProcessNode> _nodes = [];

    /// <summary>Tracks a root and its descendants, or every process when <paramref name="rootPid"/> is null.</summary>
    public ProcessTree(int? rootPid)
    {
        RootPid = rootPid;
        if (rootPid is int root)
        {
            _nodes[root] = new ProcessNode(root, 0, 0, 0);
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
        ProcessNode? parent = null;
        if (childPid == RootPid)
        {
            // The root's own fork, seen when tracing starts before the root does: it stays the root.
            return _nodes.GetValueOrDefault(childPid);
        }

        if (RootPid is not null && !_nodes.TryGetValue(parentPid, out parent))
        {
            // A reused pid of a process we tracked must not keep its old identity.
            _nodes.Remove(childPid);
            return null;
        }

        var branch = parent is null ? 0 : parentPid == RootPid ? childPid : parent.Branch;
        var node = new ProcessNode(childPid, parentPid, branch, timestampNs);
        _nodes[childPid] = node;
        return node;
    }

    /// <summary>When every process is tracked: the node of a process, created when the tracker has not seen its fork.</summary>
    public ProcessNode GetOrAdd(int pid, int parentPid)
    {
        if (!_nodes.TryGetValue(pid, out var node))
        {
            node = new ProcessNode(pid, parentPid, 0, 0);
            _nodes[pid] = node;
        }

        return node;
    }

    /// <summary>A process ended; removes and returns its node when it was tracked.</summary>
    public ProcessNode? OnExit(int pid) => _nodes.Remove(pid, out var node) ? node : null;

    /// <summary>
    /// Adds the live processes the tracker does not know yet (for a root: only its descendants), given every
    /// live process and its parent; with <paramref name="removeDead"/> also forgets tracked processes that are gone.
    /// </summary>
    /// <returns>The nodes added.</returns>
    public IReadOnlyList<ProcessNode> Synchronize(IReadOnlyDictionary<int, int> parentByPid, bool removeDead)
    {
        ArgumentNullException.ThrowIfNull(parentByPid);
        if (removeDead)
        {
            foreach (var pid in _nodes.Keys.Where(pid => !parentByPid.ContainsKey(pid) && pid != RootPid).ToList())
            {
                _nodes.Remove(pid);
            }
        }

        var added = new List<ProcessNode>();
        if (RootPid is null)
        {
            foreach (var (pid, parent) in parentByPid)
            {
                if (!_nodes.ContainsKey(pid))
                {
                    var node = new ProcessNode(pid, parent, 0, 0);
                    _nodes[pid] = node;
                    added.Add(node);
                }
            }

            return added;
        }

        var children = parentByPid.ToLookup(p => p.Value, p => p.Key);
        var pending = new Stack<int>(_nodes.Keys);
        while (pending.Count > 0)
        {
            var parentPid = pending.Pop();
            var parentNode = _nodes[parentPid];
            foreach (var child in children[parentPid])
            {
                if (_nodes.ContainsKey(child) || child == parentPid)
                {
                    continue;
                }

                var branch = parentPid == RootPid ? child : parentNode.Branch;
                var node = new ProcessNode(child, parentPid, branch, 0);
                _nodes[child] = node;
                added.Add(node);
                pending.Push(child);
            }
        }

        return added;
    }
}
