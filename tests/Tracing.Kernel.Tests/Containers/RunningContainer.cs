namespace Tracing.Kernel.Tests.Containers;

/// <summary>A container started by <see cref="Podman.RunAsync"/>: its full id, its name, and its init's pid on the host.</summary>
internal sealed record RunningContainer(string Id, string Name, int InitPid);
