using Tracing.Containers;
using static Tracing.Core.Tests.Fakes.ContainerCgroups;

namespace Tracing.Core.Tests.Containers;

/// <summary>A cgroup v2 cgroup's id, once a process of it was looked up, answers for every later process of it.</summary>
public sealed partial class ContainerDirectoryTests
{
    [Fact]
    public void A_cgroup_id_answers_only_once_a_process_of_that_cgroup_was_looked_up()
    {
        var directory = new ContainerDirectory(_engine, TimeSpan.FromSeconds(10));
        Assert.False(directory.TryOf(42, out _, out _));

        var web = directory.Of(PodmanSystemd(s_web), out var naming, unifiedCgroupId: 42);
        ((IAsyncResult)naming!).AsyncWaitHandle.WaitOne(TimeSpan.FromSeconds(30));
        directory.Named(s_web, naming!);

        Assert.True(directory.TryOf(42, out var again, out var askedAgain));
        Assert.Equal((s_web, "web"), (again!.Id, again.Name));
        Assert.Null(askedAgain);
        Assert.Equal(web!.Id, again.Id);
        Assert.False(directory.TryOf(43, out _, out _));
    }

    [Fact]
    public void A_host_cgroup_id_answers_no_container()
    {
        var directory = new ContainerDirectory(_engine, TimeSpan.FromSeconds(10));

        Assert.Null(directory.Of(Host, out var naming, unifiedCgroupId: 7));

        Assert.Null(naming);
        Assert.True(directory.TryOf(7, out var container, out _));
        Assert.Null(container);
    }
}
