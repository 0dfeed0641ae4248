using Tracing.Darwin.KinfoProc;
using Tracing.Darwin.Polling;

namespace Tracing.Darwin.Tests.Polling;

public class SnapshotDiffTests
{
    private static KinfoProcRecord P(int pid, int ppid, string comm, long start, byte stat = 2)
    {
        Assert.True(KinfoProcDecoder.TryDecode(KinfoProcBuilder.Record(pid, ppid, comm, start, stat: stat), out var record));
        return record;
    }

    private static List<ProcessChange> Diff(IEnumerable<KinfoProcRecord> before, IEnumerable<KinfoProcRecord> after, Func<KinfoProcRecord, bool>? argv = null)
    {
        var changes = new List<ProcessChange>();
        SnapshotDiff.Compute(before.ToDictionary(r => r.Pid), after.ToList(), changes, argv);
        return changes;
    }

    private static string Show(List<ProcessChange> changes) =>
        string.Join(" ", changes.Select(c => $"{c.Kind}:{c.Record.Pid}"));

    [Fact]
    public void Nothing_changed_nothing_reported()
    {
        KinfoProcRecord[] table = [P(1, 0, "launchd", 1), P(2, 1, "zsh", 2)];

        Assert.Empty(Diff(table, table));
    }

    [Fact]
    public void A_new_pid_is_started()
    {
        Assert.Equal("Started:3", Show(Diff([P(1, 0, "launchd", 1)], [P(1, 0, "launchd", 1), P(3, 1, "ls", 5)])));
    }

    [Fact]
    public void Same_pid_and_start_time_with_another_comm_is_an_exec()
    {
        Assert.Equal("Execed:2", Show(Diff([P(2, 1, "sh", 2)], [P(2, 1, "git", 2)])));
    }

    [Fact]
    public void Reparenting_alone_is_no_event()
    {
        Assert.Empty(Diff([P(2, 7, "sh", 2)], [P(2, 1, "sh", 2)]));
    }

    [Fact]
    public void A_vanished_process_exited()
    {
        Assert.Equal("Exited:2", Show(Diff([P(1, 0, "launchd", 1), P(2, 1, "sh", 2)], [P(1, 0, "launchd", 1)])));
    }

    [Fact]
    public void A_process_that_became_a_zombie_exited_once_and_not_again()
    {
        var alive = P(2, 1, "sh", 2);
        var zombie = P(2, 1, "sh", 2, stat: 5);

        Assert.Equal("Exited:2", Show(Diff([alive], [zombie])));
        Assert.Empty(Diff([zombie], [zombie]));
        Assert.Empty(Diff([zombie], []));
    }

    [Fact]
    public void A_reused_pid_is_the_old_exiting_before_the_new_starting()
    {
        var changes = Diff([P(502, 500, "sleep", 301)], [P(502, 1, "vim", 999)]);

        Assert.Equal("Exited:502 Started:502", Show(changes));
        Assert.Equal("sleep", changes[0].Record.CommandName.ToString());
        Assert.Equal("vim", changes[1].Record.CommandName.ToString());
    }

    [Fact]
    public void A_zombie_whose_pid_is_reused_is_not_reported_twice()
    {
        Assert.Equal("Started:502", Show(Diff([P(502, 500, "sleep", 301, stat: 5)], [P(502, 1, "vim", 999)])));
    }

    [Fact]
    public void A_process_born_and_turned_zombie_between_polls_starts_then_exits()
    {
        Assert.Equal("Started:9 Exited:9", Show(Diff([], [P(9, 1, "true", 5, stat: 5)])));
    }

    [Fact]
    public void A_whole_new_chain_is_started_parents_first_whatever_the_listing_order()
    {
        // Pids wrapped: the grandchild got a lower pid and is listed first; start times tie.
        KinfoProcRecord[] after = [P(1, 0, "launchd", 1), P(10, 30, "c", 7), P(20, 1, "a", 7), P(30, 20, "b", 7)];

        Assert.Equal("Started:20 Started:30 Started:10", Show(Diff([P(1, 0, "launchd", 1)], after)));
    }

    [Fact]
    public void A_dying_parent_exits_after_its_new_children_start()
    {
        var changes = Diff([P(1, 0, "launchd", 1), P(5, 1, "make", 2)], [P(1, 0, "launchd", 1), P(5, 1, "make", 2, stat: 5), P(6, 5, "cc", 3)]);

        Assert.Equal("Started:6 Exited:5", Show(changes));
    }

    [Fact]
    public void An_argv_change_without_a_name_change_is_an_exec_when_asked()
    {
        Assert.Equal("Execed:2", Show(Diff([P(2, 1, "sh", 2)], [P(2, 1, "sh", 2)], _ => true)));
        Assert.Empty(Diff([P(2, 1, "sh", 2)], [P(2, 1, "sh", 2)], _ => false));
    }

    [Fact]
    public void Argv_is_asked_even_when_the_name_changed_so_the_record_stays_current()
    {
        var asked = new List<int>();

        var changes = Diff([P(2, 1, "sh", 2)], [P(2, 1, "git", 2)], r => { asked.Add(r.Pid); return true; });

        Assert.Equal("Execed:2", Show(changes));
        Assert.Equal([2], asked);
    }
}
