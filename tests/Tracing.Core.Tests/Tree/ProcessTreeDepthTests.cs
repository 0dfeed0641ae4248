using Tracing.Tree;

namespace Tracing.Core.Tests.Tree;

/// <summary>Depth: forks from the root, set at birth; in a tree without a root, from pid 1 once the table is read.</summary>
public class ProcessTreeDepthTests
{
    // The process table as /proc would give it: pid to parent.
    private static readonly Dictionary<int, int> s_table = new() { [1] = 0, [2] = 0, [150] = 1, [200] = 150, [300] = 2 };

    [Fact]
    public void A_rooted_tree_counts_forks_from_its_root()
    {
        var tree = new ProcessTree(10);
        var child = tree.OnFork(10, 11, 1)!;
        var grandchild = tree.OnFork(11, 12, 2)!;

        Assert.Equal(0, tree.TryGet(10, out var root) ? root.Depth : -1);
        Assert.Equal(1, child.Depth);
        Assert.Equal(2, grandchild.Depth);
    }

    [Fact]
    public void A_seeded_tree_without_a_root_counts_from_the_processes_without_a_parent()
    {
        var tree = new ProcessTree(null);
        tree.Synchronize(s_table, removeDead: false);

        foreach (var pid in s_table.Keys)
        {
            Assert.True(tree.TryGet(pid, out var node));
            Assert.Equal(Ancestors(pid), node.Depth);
        }
    }

    [Fact]
    public void A_fork_seen_before_the_table_was_read_is_counted_again_from_the_table()
    {
        // The forker 200 was unknown when its fork came (between the subscription and the table's read).
        var tree = new ProcessTree(null);
        var child = tree.OnFork(200, 201, 1)!;
        Assert.Equal(1, child.Depth);

        tree.Synchronize(s_table, removeDead: false);

        Assert.Equal(Ancestors(200) + 1, child.Depth);
        Assert.Equal(Ancestors(200), tree.TryGet(200, out var forker) ? forker.Depth : -1);
    }

    [Fact]
    public void An_adopted_child_keeps_its_birth_depth()
    {
        var tree = new ProcessTree(10);
        tree.OnFork(10, 11, 1);
        var grandchild = tree.OnFork(11, 12, 2)!;
        tree.OnExit(11);

        tree.Reparent(grandchild, 10);

        Assert.Equal(2, grandchild.Depth);
    }

    [Fact]
    public void An_adopted_child_keeps_its_birth_depth_through_a_resynchronisation()
    {
        // 150 forks 151, which forks 152 and ends: init adopts 152. A kernel loss then has the table read again.
        var tree = new ProcessTree(null);
        tree.Synchronize(s_table, removeDead: false);
        tree.OnFork(150, 151, 1);
        var grandchild = tree.OnFork(151, 152, 2)!;
        tree.OnExit(151);
        tree.Reparent(grandchild, 1);
        var born = Ancestors(150) + 2;

        tree.Synchronize(new Dictionary<int, int>(s_table) { [152] = 1, [400] = 152 }, removeDead: true);

        Assert.Equal(born, grandchild.Depth);
        Assert.Equal(born + 1, tree.TryGet(400, out var found) ? found.Depth : -1);
    }

    private static int Ancestors(int pid)
    {
        var count = 0;
        for (var parent = s_table[pid]; parent != 0; parent = s_table[parent])
        {
            count++;
        }

        return count;
    }
}
