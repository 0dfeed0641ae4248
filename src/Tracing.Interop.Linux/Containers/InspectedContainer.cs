namespace Tracing.Linux.Containers;

/// <summary>What an engine's inspect answer says of a container, as read, before it is checked.</summary>
/// <param name="Id">The id as the engine gave it.</param>
/// <param name="Name">The name without the leading '/' of the Docker API.</param>
/// <param name="Running">State.Running.</param>
/// <param name="Pid">State.Pid: the host pid of the container's first process, 0 when it does not run.</param>
internal readonly record struct InspectedContainer(string Id, string Name, bool Running, int Pid);
