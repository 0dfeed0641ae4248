using System.Text.RegularExpressions;
using Tracing.Containers;
using Tracing.Ports;
using static Tracing.Core.Tests.Fakes.ContainerCgroups;

namespace Tracing.Core.Tests.Containers;

public sealed partial class ContainerScopeTests
{
    private static readonly string s_web = Id("a1b2c3d4e5f6");
    private static readonly string s_db = Id("a1b2c3d4e5f7");

    public static TheoryData<string> Shapes() => ["podman-cgroupfs", "podman-systemd", "docker-cgroupfs", "docker-systemd"];

    public static TheoryData<string> ContainerCaptures() =>
        [.. ContainerFixtures.Files().Where(f => ContainerFixtures.Expected[f] is not null)];

    public static TheoryData<string> HostCaptures() =>
        [.. ContainerFixtures.Files().Where(f => ContainerFixtures.Expected[f] is null)];

    [Theory]
    [MemberData(nameof(Shapes))]
    public void A_process_in_the_containers_cgroup_is_within(string shape)
    {
        Assert.True(ContainerScope.IsWithin(Cgroups(shape, s_web), s_web));
        Assert.False(ContainerScope.IsWithin(Cgroups(shape, s_db), s_web));
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void A_process_below_the_containers_cgroup_is_within(string shape)
    {
        var container = Assert.Single(Cgroups(shape, s_web));

        Assert.True(ContainerScope.IsWithin([container with { Path = container.Path + "/sub" }], s_web));
        Assert.True(ContainerScope.IsWithin([container with { Path = container.Path + "/init.scope/deeper" }], s_web));
    }

    [Fact]
    public void Every_membership_that_is_the_containers_makes_a_process_within()
    {
        // cgroup v1: one line per hierarchy; the container may show in any of them alone (the others at the root).
        CgroupMembership[] hybrid =
        [
            new("cpu,cpuacct", $"/libpod_parent/libpod-{s_web}"),
            new("name=systemd", $"/machine.slice/libpod-{s_web}.scope"),
            new("", $"/libpod_parent/libpod-{s_web}/container"),
        ];

        for (var i = 0; i < hybrid.Length; i++)
        {
            var alone = hybrid.Select((m, j) => j == i ? m : m with { Path = "/" }).ToArray();
            Assert.True(ContainerScope.IsWithin(alone, s_web), $"Only membership {i} ({hybrid[i].Path}) names the container.");
        }

        Assert.False(ContainerScope.IsWithin(hybrid.Select(m => m with { Path = "/" }).ToArray(), s_web));
    }

    [Fact]
    public void A_cgroup_removed_while_its_process_is_a_zombie_is_still_the_containers()
    {
        Assert.True(ContainerScope.IsWithin([new("", $"/libpod_parent/libpod-{s_web} (deleted)")], s_web));
    }

    [Fact]
    public void A_container_nested_in_it_is_within_it()
    {
        CgroupMembership[] inner = [new("", $"/docker/{s_web}/docker/{s_db}")];
        CgroupMembership[] innerSystemd = [new("", $"/system.slice/docker-{s_web}.scope/system.slice/docker-{s_db}.scope")];

        Assert.True(ContainerScope.IsWithin(inner, s_web));
        Assert.True(ContainerScope.IsWithin(inner, s_db));
        Assert.True(ContainerScope.IsWithin(innerSystemd, s_web));
        Assert.True(ContainerScope.IsWithin(innerSystemd, s_db));
    }

    [Fact]
    public void The_outer_container_is_not_within_a_container_nested_in_it()
    {
        Assert.False(ContainerScope.IsWithin([new("", $"/docker/{s_web}")], s_db));
        Assert.False(ContainerScope.IsWithin([new("", $"/docker/{s_web}/init")], s_db));
    }

    [Fact]
    public void Conmon_carries_the_id_but_is_not_within()
    {
        Assert.False(ContainerScope.IsWithin(Conmon(s_web), s_web));
        Assert.False(ContainerScope.IsWithin([new("", $"/libpod_parent/conmon/libpod-conmon-{s_web}")], s_web));
        Assert.False(ContainerScope.IsWithin([new("", $"/system.slice/crio-conmon-{s_web}.scope")], s_web));
    }

    [Fact]
    public void The_id_in_a_component_that_names_no_container_is_not_within()
    {
        // A service of the host that happens to carry the id (a log shipper's unit, a custom parent).
        Assert.False(ContainerScope.IsWithin([new("", $"/system.slice/logs-{s_web}.service")], s_web));
        Assert.False(ContainerScope.IsWithin([new("", $"/custom/{s_web}")], s_web));
        Assert.False(ContainerScope.IsWithin([new("", $"/docker/{s_db}/x-{s_web}")], s_web));
    }

    [Fact]
    public void A_host_process_is_not_within()
    {
        Assert.False(ContainerScope.IsWithin(Host, s_web));
        Assert.False(ContainerScope.IsWithin([], s_web));
    }

    [Theory]
    [MemberData(nameof(ContainerCaptures))]
    public void Each_captured_container_process_is_within_its_container_and_no_other(string file)
    {
        var memberships = ContainerFixtures.Read(file);
        var id = ContainerFixtures.Expected[file]!["id"]!.GetValue<string>();

        Assert.True(ContainerScope.IsWithin(memberships, id), file);
        Assert.False(ContainerScope.IsWithin(memberships, s_web), file);
    }

    [Theory]
    [MemberData(nameof(HostCaptures))]
    public void Each_captured_host_or_conmon_process_is_within_no_container_it_mentions(string file)
    {
        var memberships = ContainerFixtures.Read(file);

        foreach (var id in memberships.SelectMany(m => HexId().Matches(m.Path)).Select(m => m.Value).Distinct())
        {
            Assert.False(ContainerScope.IsWithin(memberships, id), $"{file} is within {id}.");
        }
    }

    private static CgroupMembership[] Cgroups(string shape, string id) => shape switch
    {
        "podman-cgroupfs" => PodmanCgroupfs(id),
        "podman-systemd" => PodmanSystemd(id),
        "docker-cgroupfs" => DockerCgroupfs(id),
        "docker-systemd" => DockerSystemd(id),
        _ => throw new ArgumentOutOfRangeException(nameof(shape), shape, null),
    };

    [GeneratedRegex("[0-9a-f]{64}")]
    private static partial Regex HexId();
}
