namespace Tracing.Events;

/// <summary>The container a process belongs to.</summary>
/// <param name="Id">The container's id: 64 lowercase hex digits, as the engine and the process's cgroup path give it.</param>
/// <param name="Name">The container's name, when an engine answered for it; null otherwise.</param>
/// <param name="Engine">
/// What runs it: <c>docker</c>, <c>podman</c>, <c>containerd</c>, <c>cri-o</c>, or <c>kubernetes</c> (a Kubernetes
/// pod's container whose runtime the cgroup path does not name); the engine's own answer when one gave it.
/// </param>
public sealed record ContainerInfo(string Id, string? Name, string Engine)
{
    /// <summary>The id's first 12 digits, as <c>docker ps</c> shows it.</summary>
    public string ShortId => Id.Length > 12 ? Id[..12] : Id;
}
