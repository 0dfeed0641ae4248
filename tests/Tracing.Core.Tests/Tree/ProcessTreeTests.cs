using Tracing.Tree;

namespace Tracing.Core.Tests.Tree;

public class ProcessTreeTests
{
    [Fact]
    public void Fork_of_tracked_parent_adds_child()
    {
        var tree = new ProcessTree(rootPid: 100);

        var node = tree.OnFork(100, 101, timestampNs: 5_000);

        Assert.NotNull(node);
        Assert.True(tree.Contains(101));
        Assert.Equal(2, tree.Count);
        Assert.Equal(100, node.ParentPid);
        Assert.Equal(5_000, node.ForkTimestampNs);
    }

    [Fact]
    public void Fork_of_untracked_parent_is_ignored()
    {
        var tree = new ProcessTree(rootPid: 100);

        var node = tree.OnFork(1, 200, timestampNs: 1);

        Assert.Null(node);
        Assert.False(tree.Contains(200));
        Assert.Equal(1, tree.Count);
    }

    [Fact]
    public void Fork_of_untracked_parent_forgets_a_reused_pid()
    {
        var tree = new ProcessTree(rootPid: 100);
        tree.OnFork(100, 101, 1);

        // 101 died unseen and its pid was reused by a process outside the tree.
        tree.OnFork(1, 101, 2);

        Assert.False(tree.Contains(101));
    }

    [Fact]
    public void Threads_are_the_callers_job_the_tree_takes_whatever_ids_it_is_given()
    {
        // The tree keys by thread-group id and trusts its caller to drop thread forks and exits
        // (ExecTracer does, via KernelEvent.IsThread). Fed a thread's id, it tracks it like a process.
        var tree = new ProcessTree(rootPid: 100);

        tree.OnFork(100, 101, 1);
        tree.OnFork(101, 102, 2);

        Assert.True(tree.Contains(102));
        Assert.Equal(3, tree.Count);
    }

    [Fact]
    public void Exit_removes_the_process()
    {
        var tree = new ProcessTree(rootPid: 100);
        tree.OnFork(100, 101, 1);

        var removed = tree.OnExit(101);

        Assert.NotNull(removed);
        Assert.Equal(101, removed.Pid);
        Assert.False(tree.Contains(101));
        Assert.Equal(1, tree.Count);
        Assert.Null(tree.OnExit(101));
    }

    [Fact]
    public void Exit_of_untracked_process_returns_null()
    {
        var tree = new ProcessTree(rootPid: 100);

        Assert.Null(tree.OnExit(555));
        Assert.Equal(1, tree.Count);
    }

    [Fact]
    public void Rootless_tree_tracks_every_fork_and_every_forker()
    {
        var tree = new ProcessTree(rootPid: null);

        var node = tree.OnFork(1, 50, 1);
        tree.OnFork(7, 60, 2);

        Assert.Null(tree.RootPid);
        Assert.NotNull(node);
        Assert.True(tree.Contains(50));
        Assert.True(tree.Contains(60));

        // The forkers too, though their own forks were not seen: their end re-parents the children they leave.
        Assert.True(tree.Contains(1));
        Assert.True(tree.Contains(7));
        Assert.Equal(4, tree.Count);
        Assert.Equal(0, node.Branch);
    }

    [Fact]
    public void Rootless_tree_GetOrAdd_creates_once()
    {
        var tree = new ProcessTree(rootPid: null);

        var first = tree.GetOrAdd(70, 1);
        var second = tree.GetOrAdd(70, 99);

        Assert.Same(first, second);
        Assert.Equal(1, second.ParentPid);
        Assert.Equal(1, tree.Count);
    }

    [Fact]
    public void Branch_is_the_roots_direct_child_for_deep_descendants()
    {
        var tree = new ProcessTree(rootPid: 100);

        var child = tree.OnFork(100, 101, 1)!;
        var grandchild = tree.OnFork(101, 102, 2)!;
        var greatGrandchild = tree.OnFork(102, 103, 3)!;
        var otherChild = tree.OnFork(100, 201, 4)!;
        var otherGrandchild = tree.OnFork(201, 202, 5)!;

        Assert.Equal(101, child.Branch);
        Assert.Equal(101, grandchild.Branch);
        Assert.Equal(101, greatGrandchild.Branch);
        Assert.Equal(201, otherChild.Branch);
        Assert.Equal(201, otherGrandchild.Branch);
        Assert.True(tree.TryGet(100, out var root));
        Assert.Equal(0, root.Branch);
    }

    [Fact]
    public void Synchronize_seeds_existing_descendants_at_every_level()
    {
        var tree = new ProcessTree(rootPid: 100);
        var parents = new Dictionary<int, int>
        {
            [1] = 0,
            [100] = 1,
            [101] = 100,
            [102] = 101,
            [103] = 102,
            [200] = 1,
            [201] = 200,
        };

        var added = tree.Synchronize(parents, removeDead: false);

        Assert.Equal([101, 102, 103], added.Select(n => n.Pid).Order());
        Assert.All(added, n => Assert.Equal(101, n.Branch));
        Assert.All(added, n => Assert.Equal(0, n.ForkTimestampNs));
        Assert.False(tree.Contains(200));
        Assert.False(tree.Contains(201));
        Assert.False(tree.Contains(1));
        Assert.Equal(4, tree.Count);
    }

    [Fact]
    public void Synchronize_seeds_a_container_init_that_already_has_children()
    {
        // A container's init (pid 5000 on the host) started before tracing, with a shell and its children.
        var tree = new ProcessTree(rootPid: 5000);
        var parents = new Dictionary<int, int>
        {
            [1] = 0,
            [4990] = 1,
            [5000] = 4990,
            [5001] = 5000,
            [5002] = 5000,
            [5003] = 5001,
        };

        tree.Synchronize(parents, removeDead: false);

        Assert.True(tree.TryGet(5001, out var shell));
        Assert.True(tree.TryGet(5002, out var daemon));
        Assert.True(tree.TryGet(5003, out var job));
        Assert.Equal(5001, shell.Branch);
        Assert.Equal(5002, daemon.Branch);
        Assert.Equal(5001, job.Branch);
        Assert.Equal(5001, job.ParentPid);
        Assert.False(tree.Contains(4990));
    }

    [Fact]
    public void Synchronize_does_not_re_add_known_processes()
    {
        var tree = new ProcessTree(rootPid: 100);
        var forked = tree.OnFork(100, 101, 42)!;

        var added = tree.Synchronize(new Dictionary<int, int> { [100] = 1, [101] = 100, [102] = 101 }, removeDead: false);

        Assert.Equal([102], added.Select(n => n.Pid));
        Assert.True(tree.TryGet(101, out var kept));
        Assert.Same(forked, kept);
        Assert.Equal(42, kept.ForkTimestampNs);
    }

    [Fact]
    public void Synchronize_with_removeDead_drops_vanished_processes_but_keeps_the_root()
    {
        var tree = new ProcessTree(rootPid: 100);
        tree.OnFork(100, 101, 1);
        tree.OnFork(100, 102, 2);

        tree.Synchronize(new Dictionary<int, int> { [101] = 100 }, removeDead: true);

        Assert.True(tree.Contains(100));
        Assert.True(tree.Contains(101));
        Assert.False(tree.Contains(102));
        Assert.Equal(2, tree.Count);
    }

    [Fact]
    public void Synchronize_without_removeDead_keeps_vanished_processes()
    {
        var tree = new ProcessTree(rootPid: 100);
        tree.OnFork(100, 102, 2);

        tree.Synchronize(new Dictionary<int, int> { [100] = 1 }, removeDead: false);

        Assert.True(tree.Contains(102));
    }

    [Fact]
    public void Rootless_Synchronize_adds_every_process_and_drops_the_dead()
    {
        var tree = new ProcessTree(rootPid: null);
        tree.OnFork(1, 9, 1);

        var added = tree.Synchronize(new Dictionary<int, int> { [1] = 0, [2] = 1, [3] = 2 }, removeDead: true);

        // 1 was known as 9's forker.
        Assert.Equal([2, 3], added.Select(n => n.Pid).Order());
        Assert.False(tree.Contains(9));
        Assert.Equal(3, tree.Count);
    }

    [Fact]
    public void Ten_thousand_fork_exit_pairs_leave_only_the_root()
    {
        var tree = new ProcessTree(rootPid: 100);

        for (var i = 0; i < 10_000; i++)
        {
            var child = 1_000 + i;
            tree.OnFork(100, child, i);
            tree.OnExit(child);
        }

        Assert.Equal(1, tree.Count);
    }

    [Fact]
    public void Ten_thousand_fork_exit_pairs_leave_a_rootless_tree_only_the_forker()
    {
        var tree = new ProcessTree(rootPid: null);

        for (var i = 0; i < 10_000; i++)
        {
            tree.OnFork(1, 1_000 + i, i);
            tree.OnExit(1_000 + i);
        }

        Assert.Equal(1, tree.Count);
        Assert.True(tree.Contains(1));
    }
}
