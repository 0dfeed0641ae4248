namespace Tracing.Ports;

/// <summary>
/// Asks the container engines of the machine (Docker's API, which podman serves too) about containers. The tracer asks
/// it to resolve a container by name at start and to name the containers it finds in processes' cgroups.
/// </summary>
public interface IContainerEngine
{
    /// <summary>
    /// Finds a container by name, whole id or id prefix (as <c>docker inspect</c> does); null when every engine that
    /// could be asked answered that it knows none.
    /// </summary>
    /// <param name="reference">The container's name, whole id or id prefix.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The container; null when no engine knows it.</returns>
    /// <exception cref="ContainerLookupException">
    /// No engine could be asked (the message names each place tried and why), an id prefix matches several containers,
    /// or an engine answered with an error.
    /// </exception>
    Task<ContainerRecord?> FindAsync(string reference, CancellationToken cancellationToken);
}
