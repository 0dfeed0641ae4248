using Tracing.Containers;
using Tracing.Ports;

namespace Tracing.Core.Tests.Containers;

public partial class ContainerCgroupPathTests
{
    private const string Id = "9f3c2a1b0d4e5f60718293a4b5c6d7e8f9011223344556677889900aabbccdde";
    private const string Outer = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    private const string Id63 = "9f3c2a1b0d4e5f60718293a4b5c6d7e8f9011223344556677889900aabbccdd";
    private const string Id65 = Id + "0";
    private const string Upper = "9F3C2A1B0D4E5F60718293A4B5C6D7E8F9011223344556677889900AABBCCDDE";

    [Theory]
    // Sub-cgroups below a container's belong to it.
    [InlineData("/docker/" + Id + "/init.scope", "docker")]
    [InlineData("/docker/" + Id + "/a/b/c", "docker")]
    [InlineData("/machine.slice/libpod-" + Id + ".scope/container", "podman")]
    [InlineData("/kubepods/burstable/pod6b9d-11/" + Id + "/sub", "kubernetes")]
    // Nested: the innermost container wins; a nested engine's monitor belongs to the outer container.
    [InlineData("/docker/" + Outer + "/docker/" + Id, "docker")]
    [InlineData("/system.slice/docker-" + Outer + ".scope/machine.slice/libpod-" + Id + ".scope", "podman")]
    [InlineData("/docker/" + Id + "/machine.slice/libpod-conmon-" + Outer + ".scope", "docker")]
    [InlineData("/docker/" + Id + "/kubepods/burstable/pod1/crio-conmon-" + Outer, "docker")]
    // A trailing slash, doubled slashes and '.' resolve as the file system would.
    [InlineData("/docker/" + Id + "/", "docker")]
    [InlineData("/docker//" + Id, "docker")]
    [InlineData("//docker/./" + Id + "//", "docker")]
    // Scope names with or without .scope; cgroupfs names of podman and CRI-O have none.
    [InlineData("/system.slice/docker-" + Id, "docker")]
    [InlineData("/libpod_parent/libpod-" + Id, "podman")]
    [InlineData("/system.slice/nginx.service/libpod-payload-" + Id, "podman")]
    [InlineData("/crio/crio-" + Id, "cri-o")]
    [InlineData("/system.slice/nerdctl-" + Id + ".scope", "containerd")]
    [InlineData("/x.slice/cri-containerd-" + Id + ".scope", "containerd")]
    // Bare ids under the parents that hold them; kubelet's --cgroup-root may put kubepods lower.
    [InlineData("/default/" + Id, "containerd")]
    [InlineData("/kubepods/pod6b9d-11/" + Id, "kubernetes")]
    [InlineData("/kubepods/besteffort/pod6b9d-11/" + Id, "kubernetes")]
    [InlineData("/custom-root/kubepods/burstable/pod6b9d-11/" + Id, "kubernetes")]
    // Above the reader's cgroup namespace, and a v2 cgroup removed under a zombie.
    [InlineData("/../../docker/" + Id, "docker")]
    [InlineData("/../kubepods/pod1/" + Id, "kubernetes")]
    [InlineData("/system.slice/docker-" + Id + ".scope (deleted)", "docker")]
    public void Names_the_container(string path, string engine)
    {
        Assert.True(ContainerCgroupPath.TryParse(path, out var id, out var found));
        Assert.Equal(Id, id);
        Assert.Equal(engine, found);
    }

    [Theory]
    [InlineData("")]
    [InlineData("/")]
    [InlineData("//")]
    [InlineData("/init.scope")]
    [InlineData("/system.slice/ssh.service")]
    [InlineData("/user.slice/user-1000.slice/session-2.scope")]
    [InlineData("/user.slice/user-1000.slice/user@1000.service/init.scope")]
    [InlineData("/system.slice/docker.service")]
    // The kernel gives absolute paths; a relative one is not its.
    [InlineData("docker/" + Id)]
    [InlineData(Id)]
    // Ids of the wrong length or case.
    [InlineData("/docker/" + Id63)]
    [InlineData("/docker/" + Id65)]
    [InlineData("/docker/" + Upper)]
    [InlineData("/system.slice/docker-" + Id63 + ".scope")]
    [InlineData("/system.slice/docker-" + Id65 + ".scope")]
    [InlineData("/system.slice/docker-" + Upper + ".scope")]
    [InlineData("/system.slice/docker-x" + Id + ".scope")]
    // Engines' helpers, unknown or miscased prefixes, other unit types.
    [InlineData("/machine.slice/libpod-conmon-" + Id + ".scope")]
    [InlineData("/libpod_parent/conmon")]
    [InlineData("/kubepods.slice/kubepods-pod1.slice/crio-conmon-" + Id + ".scope")]
    [InlineData("/kubepods/burstable/pod1/crio-conmon-" + Id)]
    [InlineData("/system.slice/nginx.service/runtime")]
    [InlineData("/system.slice/Docker-" + Id + ".scope")]
    [InlineData("/system.slice/podman-" + Id + ".scope")]
    [InlineData("/system.slice/-" + Id + ".scope")]
    [InlineData("/system.slice/docker-" + Id + ".service")]
    [InlineData("/system.slice/docker-" + Id + ".scope.scope")]
    // A bare id names a container only under a parent known to hold them: not at the root, under a slice, a custom
    // --cgroup-parent, a QoS class without a pod, a pod outside kubepods, or with '.scope'.
    [InlineData("/" + Id)]
    [InlineData("/system.slice/" + Id)]
    [InlineData("/my-parent/" + Id)]
    [InlineData("/docker/" + Id + ".scope")]
    [InlineData("/kubepods/burstable/" + Id)]
    [InlineData("/kubepods/guaranteed/pod1/" + Id)]
    [InlineData("/burstable/pod1/" + Id)]
    [InlineData("/kubepods/burstable/pod/" + Id)]
    [InlineData("/kubepods.slice/kubepods-pod1.slice/" + Id)]
    // '..' ends the walk: what is above it is not this cgroup's ancestry.
    [InlineData("/docker/" + Id + "/..")]
    [InlineData("/docker/../" + Id)]
    // A pod's own cgroup is not a container's.
    [InlineData("/kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod1_2.slice")]
    [InlineData("/kubepods/burstable/pod1-2")]
    [InlineData("/docker/" + Id + " (deleted) (deleted)")]
    public void Names_no_container(string path)
    {
        Assert.False(ContainerCgroupPath.TryParse(path, out var id, out var engine));
        Assert.Null(id);
        Assert.Null(engine);
    }

    [Fact]
    public void TryFind_takes_the_first_membership_that_names_a_container()
    {
        Assert.True(ContainerCgroupPath.TryFind(
            [new("", "/"), new("memory", "/user.slice"), new("pids", "/docker/" + Id), new("cpu", "/docker/" + Outer)],
            out var id,
            out var engine));
        Assert.Equal(Id, id);
        Assert.Equal("docker", engine);

        Assert.False(ContainerCgroupPath.TryFind([], out id, out engine));
        Assert.False(ContainerCgroupPath.TryFind([new("", "/"), new("name=systemd", "/init.scope")], out id, out engine));
        Assert.Null(id);
        Assert.Null(engine);
    }

    [Fact]
    public void Allocates_only_the_id()
    {
        CgroupMembership[] host = [new("", "/user.slice/user-1000.slice/session-2.scope"), new("memory", "/docker/" + Id63)];
        CgroupMembership[] container = [new("", "/"), new("", "/kubepods/burstable/pod1/" + Id + "/init.scope")];
        var idSize = Measure(() => _ = new string('a', Id.Length));
        _ = ContainerCgroupPath.TryFind(host, out _, out _);
        _ = ContainerCgroupPath.TryFind(container, out _, out _);

        Assert.Equal(0, Measure(() => ContainerCgroupPath.TryFind(host, out _, out _)));
        Assert.Equal(idSize, Measure(() => ContainerCgroupPath.TryFind(container, out _, out _)));
    }

    private static long Measure(Action action)
    {
        action();
        var before = GC.GetAllocatedBytesForCurrentThread();
        action();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
