using Tracing.Ports;

namespace Tracing.Linux.Containers;

/// <summary>
/// Which engine sockets to ask: the one the options name, else the one <c>DOCKER_HOST</c> names, else the defaults of
/// Docker and of a root podman service, in that order.
/// </summary>
internal static class ContainerEngineSockets
{
    public const string DockerHostVariable = "DOCKER_HOST";

    public static IReadOnlyList<string> Defaults { get; } = ["/var/run/docker.sock", "/run/podman/podman.sock"];

    private const string UnixScheme = "unix://";

    /// <exception cref="ContainerLookupException"><c>DOCKER_HOST</c> names something other than a Unix socket.</exception>
    public static EngineSocketPlan Resolve(ContainerEngineOptions options, Func<string, string?> getEnvironmentVariable) =>
        Resolve(options, getEnvironmentVariable, Defaults);

    /// <inheritdoc cref="Resolve(ContainerEngineOptions, Func{string, string?})"/>
    public static EngineSocketPlan Resolve(
        ContainerEngineOptions options, Func<string, string?> getEnvironmentVariable, IReadOnlyList<string> defaults)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(getEnvironmentVariable);
        ArgumentNullException.ThrowIfNull(defaults);
        if (!string.IsNullOrEmpty(options.Socket))
        {
            return new([options.Socket], $"the chosen socket {options.Socket}", IsChosen: true);
        }

        var dockerHost = getEnvironmentVariable(DockerHostVariable);
        if (string.IsNullOrEmpty(dockerHost))
        {
            return new(defaults, $"the default sockets {string.Join(" and ", defaults)}", IsChosen: false);
        }

        if (!dockerHost.StartsWith(UnixScheme, StringComparison.Ordinal) || dockerHost.Length == UnixScheme.Length)
        {
            throw new ContainerLookupException(
                ContainerLookupFailure.NoEngine,
                $"{DockerHostVariable} is '{dockerHost}', but only unix:// sockets are supported (unix:///path/to/engine.sock): " +
                $"set {DockerHostVariable} to one, unset it to ask the default sockets, or choose the socket.");
        }

        var path = dockerHost[UnixScheme.Length..];
        return new([path], $"the socket {path} from {DockerHostVariable}", IsChosen: true);
    }

    /// <summary>Where a lookup would ask, in words, for the CLI to say where it looked; never throws for a bad DOCKER_HOST.</summary>
    public static string Describe(ContainerEngineOptions options, Func<string, string?> getEnvironmentVariable)
    {
        try
        {
            return Resolve(options, getEnvironmentVariable).Description;
        }
        catch (ContainerLookupException e)
        {
            return e.Message;
        }
    }

    /// <inheritdoc cref="Describe(ContainerEngineOptions, Func{string, string?})"/>
    public static string Describe(ContainerEngineOptions options) => Describe(options, Environment.GetEnvironmentVariable);
}
