using Tracing.Tree;

namespace Tracing.Core.Tests.Tree;

/// <summary>
/// The kernel's identity rules, fed as the proc connector reports them (docs/reference/cn_proc.md; the recorded shapes are
/// in the fixtures): a thread's exit names the thread, a leader's exit does not end a process whose other threads
/// live, and an exec leaves one thread whichever thread called it.
/// </summary>
public class ProcessTreeShapeTests
{
    [Fact]
    public void A_thread_that_execs_keeps_the_process_its_leaders_exit_is_not_its_end()
    {
        var tree = new ProcessTree(rootPid: 100);
        tree.OnFork(100, 101, 1);
        tree.OnExec(101);
        tree.OnThreadCreated(101, 102);

        // de_thread: the old leader's exit comes first (pid == tgid), then the exec of the same pid.
        Assert.Equal(ExitOutcome.ProcessLives, tree.OnExit(101, 101, 0, out _));
        Assert.True(tree.Contains(101));
        Assert.NotNull(tree.OnExec(101));

        // Now one thread: its exit is the process's.
        Assert.Equal(ExitOutcome.ProcessEnded, tree.OnExit(101, 101, 0, out var ended));
        Assert.Equal(101, ended!.Pid);
        Assert.True(ended.Ended);
        Assert.False(tree.Contains(101));
    }

    [Fact]
    public void A_leader_that_calls_pthread_exit_leaves_the_process_to_its_last_thread()
    {
        var tree = new ProcessTree(rootPid: 100);
        tree.OnFork(100, 101, 1);
        tree.OnThreadCreated(101, 102);
        tree.OnThreadCreated(101, 103);

        Assert.Equal(ExitOutcome.ProcessLives, tree.OnExit(101, 101, 0, out _));
        Assert.Equal(ExitOutcome.ProcessLives, tree.OnExit(102, 101, 0, out _));
        Assert.True(tree.Contains(101));
        Assert.Equal(ExitOutcome.ProcessEnded, tree.OnExit(103, 101, 0, out var ended));
        Assert.Equal(101, ended!.Pid);
        Assert.False(tree.Contains(101));
    }

    [Fact]
    public void Threads_that_end_before_their_leader_leave_the_leaders_exit_the_end()
    {
        var tree = new ProcessTree(rootPid: 100);
        tree.OnFork(100, 101, 1);
        tree.OnThreadCreated(101, 102);

        Assert.Equal(ExitOutcome.ProcessLives, tree.OnExit(102, 101, 0, out _));
        Assert.Equal(ExitOutcome.ProcessEnded, tree.OnExit(101, 101, 0, out _));
    }

    [Fact]
    public void Exits_of_threads_an_exec_killed_that_arrive_after_it_change_nothing()
    {
        var tree = new ProcessTree(rootPid: 100);
        tree.OnFork(100, 101, 1);
        tree.OnThreadCreated(101, 102);
        tree.OnThreadCreated(101, 103);

        // The leader execs: 102 and 103 are killed, their exits may come after the exec.
        tree.OnExec(101);
        Assert.Equal(ExitOutcome.ProcessLives, tree.OnExit(102, 101, 0, out _));
        Assert.Equal(ExitOutcome.ProcessLives, tree.OnExit(103, 101, 0, out _));
        Assert.True(tree.Contains(101));
        Assert.Equal(ExitOutcome.ProcessEnded, tree.OnExit(101, 101, 0, out _));
    }

    [Fact]
    public void A_thread_that_took_the_leaders_id_and_died_before_its_exec_completed_ends_the_process()
    {
        // de_thread killed the old leader (its exit), then the exec failed after the point of no return: the thread,
        // now under the process's id, dies too. No exec event comes between.
        var tree = new ProcessTree(rootPid: 100);
        tree.OnFork(100, 101, 1);
        tree.OnThreadCreated(101, 102);
        tree.OnThreadCreated(101, 103);

        Assert.Equal(ExitOutcome.ProcessLives, tree.OnExit(101, 101, 0, out _));
        Assert.Equal(ExitOutcome.ProcessEnded, tree.OnExit(101, 101, 11, out var ended));
        Assert.Equal(101, ended!.Pid);

        // The killed thread's exit, late: nothing left to end.
        Assert.Equal(ExitOutcome.Untracked, tree.OnExit(103, 101, 0, out _));
    }

    [Fact]
    public void The_core_dump_flag_of_the_thread_that_dumped_is_the_processs_whichever_thread_ends_last()
    {
        var tree = new ProcessTree(rootPid: 100);
        tree.OnFork(100, 101, 1);
        tree.OnThreadCreated(101, 102);
        tree.OnThreadCreated(101, 103);

        tree.OnExit(102, 101, 0x8B, out _); // the thread that dumped: SIGSEGV with the core flag
        tree.OnExit(101, 101, 0x0B, out _);
        Assert.Equal(ExitOutcome.ProcessEnded, tree.OnExit(103, 101, 0x0B, out var ended));

        Assert.Equal(0x8B, ended!.Threads.ProcessStatus(0x0B));
    }

    [Fact]
    public void The_old_leaders_exit_sent_after_the_exec_is_not_the_new_images_end()
    {
        // de_thread: the old leader's exit is stamped before the exec, but its datagram may come after the exec's.
        var tree = new ProcessTree(rootPid: 100);
        tree.OnFork(100, 101, 1);
        tree.OnThreadCreated(101, 102);
        tree.OnExec(101, timestampNs: 50);

        Assert.Equal(ExitOutcome.ProcessLives, tree.OnExit(101, 101, 0, timestampNs: 40, out _));
        Assert.Equal(ExitOutcome.ProcessEnded, tree.OnExit(101, 101, 19 << 8, timestampNs: 60, out _));
    }

    [Fact]
    public void A_process_gone_from_proc_at_a_resynchronisation_still_ends_once_when_its_exit_arrives()
    {
        // Reaped by its parent before its EXIT datagram was sent, and /proc read in between.
        var tree = new ProcessTree(rootPid: 100);
        tree.OnFork(100, 101, 1);
        tree.Synchronize(new Dictionary<int, int> { [100] = 1 }, removeDead: true);
        Assert.False(tree.Contains(101));

        Assert.Equal(ExitOutcome.ProcessEnded, tree.OnExit(101, 101, 15 << 8, out var ended));
        Assert.Equal(101, ended!.Pid);
        Assert.Equal(ExitOutcome.Untracked, tree.OnExit(101, 101, 0, out _));

        // Only until the next resynchronisation, or a reuse of the pid.
        tree.OnFork(100, 102, 2);
        tree.Synchronize(new Dictionary<int, int> { [100] = 1 }, removeDead: true);
        tree.Synchronize(new Dictionary<int, int> { [100] = 1 }, removeDead: true);
        Assert.Equal(ExitOutcome.Untracked, tree.OnExit(102, 102, 0, out _));
    }

    [Fact]
    public void Exits_of_processes_and_threads_it_does_not_track_are_untracked()
    {
        var tree = new ProcessTree(rootPid: 100);

        Assert.Equal(ExitOutcome.Untracked, tree.OnExit(500, 500, 0, out var node));
        Assert.Null(node);
        Assert.Equal(ExitOutcome.Untracked, tree.OnExit(501, 500, 0, out _));
    }

    [Fact]
    public void A_fork_that_reuses_the_pid_of_a_process_waiting_for_its_threads_ends_it()
    {
        var tree = new ProcessTree(rootPid: 100);
        var old = tree.OnFork(100, 101, 1)!;
        tree.OnThreadCreated(101, 102);
        tree.OnExit(101, 101, 0, out _);

        var reused = tree.OnFork(100, 101, 2)!;

        Assert.True(old.Ended);
        Assert.NotSame(old, reused);
        Assert.Equal(0, reused.Threads.OtherThreadCount);
        Assert.Equal(ExitOutcome.ProcessEnded, tree.OnExit(101, 101, 0, out _));
    }

    [Fact]
    public void A_child_whose_forker_ended_is_orphaned_until_re_parented()
    {
        var tree = new ProcessTree(rootPid: 100);
        tree.OnFork(100, 101, 1);
        var grandchild = tree.OnFork(101, 102, 2)!;
        Assert.False(grandchild.Orphaned);

        tree.OnExit(101);
        Assert.True(grandchild.Orphaned);
        Assert.Equal(101, grandchild.ParentPid);

        tree.Reparent(grandchild, 1);
        Assert.False(grandchild.Orphaned);
        Assert.Equal(1, grandchild.ParentPid);
    }

    [Fact]
    public void A_forker_whose_leader_exited_while_threads_live_has_not_orphaned_its_children()
    {
        var tree = new ProcessTree(rootPid: 100);
        tree.OnFork(100, 101, 1);
        tree.OnThreadCreated(101, 103);
        var child = tree.OnFork(101, 102, 2)!;

        tree.OnExit(101, 101, 0, out _);

        // The kernel gives the children of an exiting thread to another thread of the same process.
        Assert.False(child.Orphaned);
    }

    [Fact]
    public void A_rootless_tree_knows_the_end_of_a_forker_it_never_saw_fork()
    {
        var tree = new ProcessTree(rootPid: null);
        var child = tree.OnFork(40, 41, 1)!;

        tree.OnExit(40);

        Assert.True(child.Orphaned);
    }

    [Fact]
    public void Re_parenting_to_a_tracked_subreaper_follows_that_subreapers_end()
    {
        var tree = new ProcessTree(rootPid: 100);
        tree.OnFork(100, 101, 1);
        tree.OnFork(101, 102, 2);
        var orphan = tree.OnFork(102, 103, 3)!;
        tree.OnExit(102);

        tree.Reparent(orphan, 101);
        Assert.False(orphan.Orphaned);
        tree.OnExit(101);

        Assert.True(orphan.Orphaned);
    }

    [Fact]
    public void Ten_thousand_processes_that_exec_from_a_thread_and_exit_leave_only_the_root()
    {
        var tree = new ProcessTree(rootPid: 100);
        for (var i = 0; i < 10_000; i++)
        {
            var pid = 1_000 + (2 * i);
            tree.OnFork(100, pid, i);
            tree.OnThreadCreated(pid, pid + 1);
            tree.OnExit(pid, pid, 0, out _);
            tree.OnExec(pid);
            tree.OnExit(pid + 1, pid, 0, out _);
            tree.OnExit(pid, pid, 0, out _);
        }

        Assert.Equal(1, tree.Count);
    }

    [Fact]
    public void Synchronize_links_seeded_children_to_their_parents_nodes()
    {
        var tree = new ProcessTree(rootPid: 100);
        tree.Synchronize(new Dictionary<int, int> { [100] = 1, [101] = 100, [102] = 101 }, removeDead: false);
        Assert.True(tree.TryGet(102, out var grandchild));

        tree.OnExit(101);

        Assert.True(grandchild.Orphaned);
    }
}
