namespace Tracing.Ports;

/// <summary>A container as its engine describes it.</summary>
/// <param name="Id">The whole id (64 lowercase hex digits).</param>
/// <param name="Name">The name, without the leading '/' the Docker API gives it.</param>
/// <param name="Engine">The engine that answered: <c>docker</c> or <c>podman</c> (or another engine's own name).</param>
/// <param name="Running">True while the container runs.</param>
/// <param name="InitPid">The host pid of the container's first process while it runs; null when it does not run.</param>
public sealed record ContainerRecord(string Id, string Name, string Engine, bool Running, int? InitPid);
