namespace Tracing.Linux.Containers;

/// <summary>The engine sockets to ask, in order, and where the choice came from.</summary>
/// <param name="Paths">The socket paths, in the order they are asked.</param>
/// <param name="Description">Where the tracer looks, in words, for messages.</param>
/// <param name="IsChosen">True when the options or <c>DOCKER_HOST</c> named the socket; false for the defaults.</param>
internal sealed record EngineSocketPlan(IReadOnlyList<string> Paths, string Description, bool IsChosen);
