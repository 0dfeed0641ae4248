namespace Tracing.Tree;

internal sealed partial class ProcessTree
{
    /// <summary>
    /// Adds the live processes the tracker does not know yet (for a root: only its descendants), given every
    /// live process and its parent; with <paramref name="removeDead"/> also drops tracked processes that are gone (an
    /// exit of theirs that arrives before the next resynchronisation is still theirs, once).
    /// </summary>
    /// <param name="parentByPid">Every live process, with its parent.</param>
    /// <param name="removeDead">True to also drop tracked processes that are gone.</param>
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
            // table was read, whose forker the tree did not know then. Then the depths below a linked node are counted
            // again; the others keep theirs (an adopted process keeps the depth it was born at).
            var linked = new HashSet<ProcessNode>();
            foreach (var node in _nodes.Values)
            {
                if (node.Parent is null && parentByPid.TryGetValue(node.Pid, out var parentPid) && parentPid != node.Pid
                    && (node.ParentPid == 0 || node.ParentPid == parentPid) && _nodes.TryGetValue(parentPid, out var parent))
                {
                    node.ParentPid = parentPid;
                    node.Parent = parent;
                    linked.Add(node);
                }
            }

            if (linked.Count > 0)
            {
                // Every shift first, from the old depths; then each is added.
                var shifts = new Dictionary<ProcessNode, int>();
                foreach (var node in _nodes.Values)
                {
                    ShiftOf(node, linked, shifts);
                }

                foreach (var (node, shift) in shifts)
                {
                    node.Depth += shift;
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
                var node = new ProcessNode(child, parentPid, branch, 0, parentNode);
                Track(node);
                added.Add(node);
                pending.Push(child);
            }
        }

        return added;
    }

    // How much a node's depth moves now that the linked nodes have parents: a linked node comes to lie one below its
    // parent's new depth, and every other node moves as its parent does. Counted from the old depths, up the
    // ancestors, once each; bounded, should a table read while pids were reused ever make a loop.
    private static void ShiftOf(ProcessNode node, HashSet<ProcessNode> linked, Dictionary<ProcessNode, int> shifts)
    {
        var chain = new Stack<ProcessNode>();
        var shift = 0;
        for (ProcessNode? current = node; current is not null && chain.Count < MaxDepth; current = current.Parent)
        {
            if (shifts.TryGetValue(current, out shift))
            {
                break;
            }

            chain.Push(current);
        }

        // Down again, from the top of the chain (whose shift is known, or 0 without a parent) to the node.
        while (chain.Count > 0)
        {
            var current = chain.Pop();
            if (linked.Contains(current) && current.Parent is { } parent)
            {
                shift = parent.Depth + (shifts.TryGetValue(parent, out var parentShift) ? parentShift : 0) + 1 - current.Depth;
            }

            shifts[current] = shift;
        }
    }

    private const int MaxDepth = 4096;

    /// <summary>The live processes the tree tracks, for refreshing what the kernel's events may have missed.</summary>
    public IEnumerable<ProcessNode> Nodes => _nodes.Values;
}
