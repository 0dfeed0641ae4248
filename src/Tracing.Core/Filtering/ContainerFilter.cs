using Tracing.Containers;
using Tracing.Ports;

namespace Tracing.Filtering;

/// <summary>
/// Every process in a running container, by the container's cgroup: those entered later with <c>docker exec</c> or
/// <c>podman exec</c> too, which are not descendants of its first process. When the container stops, tracing ends.
/// </summary>
/// <param name="NameOrId">
/// The container's name, its id, or an id prefix (as <c>docker inspect</c> takes them). A name is resolved through a
/// container engine's API; an id is also found in the processes' cgroups when no engine answers (a Kubernetes pod's
/// container under containerd or CRI-O).
/// </param>
public sealed record ContainerFilter(string NameOrId) : ExecTraceFilter
{
    /// <inheritdoc />
    public override void Validate()
    {
        if (string.IsNullOrWhiteSpace(NameOrId))
        {
            throw new ArgumentException("The container must be given by name or id; got an empty string.", nameof(NameOrId));
        }

        if (NameOrId is "." or ".." || NameOrId.AsSpan().ContainsAny('/', '\0') || NameOrId.Any(char.IsControl) || NameOrId.Any(char.IsWhiteSpace))
        {
            throw new ArgumentException(
                $"A container name or id has no '/', space or control characters and is not '.' or '..'; got '{NameOrId.ReplaceLineEndings(" ")}'.", nameof(NameOrId));
        }
    }

    /// <inheritdoc />
    internal override async ValueTask<ExecTraceFilter> ResolveAsync(IProcessInfoReader reader, IContainerEngine? engine, CancellationToken cancellationToken)
    {
        var (container, initPid) = await new ContainerLocator(reader, engine).FindRunningAsync(NameOrId, cancellationToken).ConfigureAwait(false);
        return new RunningContainerFilter(container, initPid);
    }

    /// <inheritdoc />
    /// <remarks>Never asked: a tracer asks the running container's filter <see cref="ResolveAsync"/> gives.</remarks>
    internal override ScopeVerdict Admit(int pid, IProcessInfoReader reader) =>
        throw new InvalidOperationException("A container filter is resolved before tracing starts.");

    /// <summary>What it traces, for logs and messages: <c>container web</c>.</summary>
    /// <returns>What the filter traces, in words.</returns>
    public override string ToString() => $"container {NameOrId}";
}
