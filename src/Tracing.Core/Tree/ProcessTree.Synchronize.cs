namespace Tracing.Tree;

internal sealed partial class ProcessTree
{
    /// <summary>
    /// Adds the live processes the tracker does not know yet (for a root: only its descendants), given every
    /// live process and its parent; with <paramref name="removeDead"/> also drops tracked processes that are gone (an
    /// exit of theirs that arrives before the next resynchronisation is still theirs, once).
    /// </summary>
    /// <returns>The nodes added.</returns>
    public IReadOnlyList<ProcessNode> Synchronize(IReadOnlyDictionary<int, int> parentByPid, bool removeDead)
    {
        ArgumentNullException.ThrowIfNull(parentByPid);
        if (removeDead)
        {
            // Gone: ended, though their exits may still be on their way (see _departed), or were lost.
            _departed.Clear();
            foreach (var pid in _nodes.Keys.Where(pid => !parentByPid.ContainsKey(pid) && pid != RootPid).ToList())
            {
                Untrack(pid, out var node);
                node!.MarkEnded();
                _departed[pid] = node;
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
                    Track(node);
                    added.Add(node);
                }
            }

            // Every node without a parent gets the table's: the added ones, and those made from a fork seen before the
            // table was read, whose forker the tree did not know then. Then each depth is counted again, from the
            // linked parents.
            foreach (var node in _nodes.Values)
            {
                if (node.Parent is null && parentByPid.TryGetValue(node.Pid, out var parentPid) && parentPid != node.Pid
                    && (node.ParentPid == 0 || node.ParentPid == parentPid) && _nodes.TryGetValue(parentPid, out var parent))
                {
                    node.ParentPid = parentPid;
                    node.Parent = parent;
                }
            }

            foreach (var node in _nodes.Values)
            {
                node.Depth = DepthThroughAncestors(node);
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
                var node = new ProcessNode(child, parentPid, branch, 0, parentNode);
                Track(node);
                added.Add(node);
                pending.Push(child);
            }
        }

        return added;
    }

    // The steps up to the first ancestor without a parent, plus that one's depth (an ended ancestor keeps the depth it
    // was born at); bounded, should a table read while pids were reused ever make a loop.
    private static int DepthThroughAncestors(ProcessNode node)
    {
        var steps = 0;
        var top = node;
        while (top.Parent is { } parent && steps < MaxDepth)
        {
            top = parent;
            steps++;
        }

        return steps + top.Depth;
    }

    private const int MaxDepth = 4096;

    /// <summary>The live processes the tree tracks, for refreshing what the kernel's events may have missed.</summary>
    public IEnumerable<ProcessNode> Nodes => _nodes.Values;
}
