using Tracing.Tree;

namespace Tracing.Core.Tests.Tree;

public class ThreadGroupTests
{
    [Fact]
    public void A_single_threaded_leaders_exit_ends_the_process()
    {
        Assert.True(new ThreadGroup().OnLeaderExited(0));
    }

    [Fact]
    public void Reset_from_the_system_takes_a_zombie_leader_as_exited_only_while_threads_live()
    {
        var group = new ThreadGroup();

        group.Reset([7, 8], leaderExited: true);
        Assert.True(group.LeaderExited);
        Assert.Equal(2, group.OtherThreadCount);
        Assert.False(group.OnThreadExited(7, 0));
        Assert.True(group.OnThreadExited(8, 0));

        group.Reset([], leaderExited: true);
        Assert.False(group.LeaderExited);
    }

    [Fact]
    public void An_unknown_threads_exit_changes_nothing()
    {
        var group = new ThreadGroup();
        group.OnThreadCreated(5);
        Assert.False(group.OnLeaderExited(0));

        Assert.False(group.OnThreadExited(6, 0));
        Assert.Equal(1, group.OtherThreadCount);
        Assert.True(group.OnThreadExited(5, 0));
    }
}
