using Tracing.Ports;
using Tracing.Tracer.Session;
using Tracing.Tree;

namespace Tracing.Core.Tests.Tracer;

public class ParentOfTests
{
    [Fact]
    public void An_untracked_exec_takes_the_parent_the_source_names()
    {
        Assert.Equal(7, ParentOf.ExecKnown(null, new KernelEvent { Kind = KernelEventKind.Exec, Pid = 9, Tgid = 9, ParentTgid = 7 }));
        Assert.Equal(ParentOf.Unknown, ParentOf.ExecKnown(null, new KernelEvent { Kind = KernelEventKind.Exec, Pid = 9, Tgid = 9 }));
    }

    [Fact]
    public void An_untracked_exec_whose_forker_ended_must_be_read()
    {
        var exec = new KernelEvent { Kind = KernelEventKind.Exec, Pid = 9, Tgid = 9, ParentTgid = 7, ForkerEnded = true };

        Assert.Equal(ParentOf.Unknown, ParentOf.ExecKnown(null, exec));
    }

    [Fact]
    public void A_tracked_exec_takes_its_forker_while_the_forker_lives_and_must_be_read_once_it_ended()
    {
        var tree = new ProcessTree(1);
        tree.OnFork(1, 10, 0);
        var child = tree.OnFork(10, 11, 0)!;
        var exec = new KernelEvent { Kind = KernelEventKind.Exec, Pid = 11, Tgid = 11, ParentTgid = 99 };

        Assert.Equal(10, ParentOf.ExecKnown(child, exec));
        tree.OnExit(10);
        Assert.Equal(ParentOf.Unknown, ParentOf.ExecKnown(child, exec));
        Assert.True(ParentOf.MustRead(ParentOf.Unknown));
    }

    [Theory]
    [InlineData(5, true, true, 5)]
    [InlineData(0, true, true, 20)]
    [InlineData(0, false, true, 30)]
    [InlineData(0, false, false, 0)]
    public void Read_parents_in_order_known_pidfd_stat(int known, bool hasIdentity, bool hasStat, int expected)
    {
        var identity = new ProcessIdentity(20, default);
        var stat = new ProcessStat(1, 30, "x", 'S');

        Assert.Equal(expected, ParentOf.Exec(known, hasIdentity, identity, hasStat, stat));
    }
}
