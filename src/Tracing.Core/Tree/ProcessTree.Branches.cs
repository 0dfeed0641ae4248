namespace Tracing.Tree;

internal sealed partial class ProcessTree
{
    // Live processes per branch (the root's child they descend from; 0 for the root and in a rootless tree).
    private readonly Dictionary<int, int> _branchSizes = [];

    /// <summary>How many live processes descend from the branches <paramref name="counted"/> accepts (by branch id).</summary>
    /// <param name="counted">Says whether a branch (by the id of the root's child it descends from) is counted.</param>
    /// <returns>The number of live processes in the counted branches.</returns>
    public int CountLive(Func<int, bool> counted)
    {
        ArgumentNullException.ThrowIfNull(counted);
        var live = 0;
        foreach (var (branch, size) in _branchSizes)
        {
            live += counted(branch) ? size : 0;
        }

        return live;
    }

    // Every node enters and leaves _nodes here, so the branch sizes follow the tree exactly.
    private void Track(ProcessNode node)
    {
        if (_nodes.Remove(node.Pid, out var replaced))
        {
            Shrink(replaced.Branch);
        }

        _nodes[node.Pid] = node;
        _branchSizes[node.Branch] = _branchSizes.GetValueOrDefault(node.Branch) + 1;
    }

    private bool Untrack(int pid, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ProcessNode? node)
    {
        if (!_nodes.Remove(pid, out node))
        {
            return false;
        }

        Shrink(node.Branch);
        return true;
    }

    private void Shrink(int branch)
    {
        var size = _branchSizes[branch] - 1;
        if (size == 0)
        {
            _branchSizes.Remove(branch);
        }
        else
        {
            _branchSizes[branch] = size;
        }
    }
}
