using Tracing.Tree;

namespace Tracing.Core.Tests.Tree;

public class ProcessTreeBranchTests
{
    private const int Root = 100;

    [Fact]
    public void Counts_live_processes_per_branch_through_forks_exits_reused_pids_and_resynchronisations()
    {
        var tree = new ProcessTree(Root);
        tree.OnFork(Root, 200, 1);
        tree.OnFork(200, 201, 2);
        tree.OnFork(201, 202, 3);
        tree.OnFork(Root, 300, 4);
        Assert.Equal(3, tree.CountLive(b => b == 200));
        Assert.Equal(4, tree.CountLive(b => b != 0));

        // The middle exits: its child, re-parented to init, is still of the branch (the tree tracks by fork).
        tree.OnExit(201);
        Assert.Equal(2, tree.CountLive(b => b == 200));

        // A reused pid: the old process ended unseen, the new one is of its own forker's branch.
        tree.OnFork(300, 202, 5);
        Assert.Equal(1, tree.CountLive(b => b == 200));
        Assert.Equal(2, tree.CountLive(b => b == 300));

        // Gone from the process table: removed; a live child found there is added to its parent's branch.
        tree.Synchronize(new Dictionary<int, int> { [Root] = 1, [300] = Root, [202] = 300, [203] = 202 }, removeDead: true);
        Assert.Equal(0, tree.CountLive(b => b == 200));
        Assert.Equal(3, tree.CountLive(b => b == 300));
        Assert.Equal(1, tree.CountLive(b => b == 0));
    }
}
