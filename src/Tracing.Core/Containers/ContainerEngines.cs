namespace Tracing.Containers;

/// <summary>The engine names a container's cgroup path can give (see <see cref="Events.ContainerInfo.Engine"/>).</summary>
internal static class ContainerEngines
{
    public const string Docker = "docker";

    public const string Podman = "podman";

    public const string Containerd = "containerd";

    public const string CriO = "cri-o";

    /// <summary>A Kubernetes pod's container whose cgroup path does not name the runtime (the cgroupfs driver).</summary>
    public const string Kubernetes = "kubernetes";
}
