using Tracing.Ports;

namespace Tracing.Core.Tests.Fakes;

/// <summary>The cgroups of processes in containers, in the shapes the engines give them (cgroup v2 unless said).</summary>
public static class ContainerCgroups
{
    /// <summary>A 64-digit container id: <paramref name="prefix"/> (lowercase hex) padded with zeros.</summary>
    public static string Id(string prefix) => prefix.PadRight(64, '0');

    /// <summary>podman, cgroupfs manager: <c>/libpod_parent/libpod-&lt;id&gt;</c>.</summary>
    public static CgroupMembership[] PodmanCgroupfs(string id) => [new("", $"/libpod_parent/libpod-{id}")];

    /// <summary>podman, systemd manager: <c>/machine.slice/libpod-&lt;id&gt;.scope</c>.</summary>
    public static CgroupMembership[] PodmanSystemd(string id) => [new("", $"/machine.slice/libpod-{id}.scope")];

    /// <summary>podman's monitor for the container, which carries its id but is not in it.</summary>
    public static CgroupMembership[] Conmon(string id) => [new("", $"/machine.slice/libpod-conmon-{id}.scope")];

    /// <summary>Docker, cgroupfs driver: <c>/docker/&lt;id&gt;</c>.</summary>
    public static CgroupMembership[] DockerCgroupfs(string id) => [new("", $"/docker/{id}")];

    /// <summary>Docker, systemd driver: <c>/system.slice/docker-&lt;id&gt;.scope</c>.</summary>
    public static CgroupMembership[] DockerSystemd(string id) => [new("", $"/system.slice/docker-{id}.scope")];

    /// <summary>A host process: a login session.</summary>
    public static CgroupMembership[] Host { get; } = [new("", "/user.slice/user-1000.slice/session-2.scope")];
}
