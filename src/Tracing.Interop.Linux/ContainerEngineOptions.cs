using System.ComponentModel.DataAnnotations;
using System.Diagnostics.CodeAnalysis;

namespace Tracing.Linux;

/// <summary>
/// Where and how long to ask the container engines (Docker's Engine API, which podman serves too) about containers.
/// </summary>
public sealed class ContainerEngineOptions
{
    /// <summary>
    /// The path of the engine's Unix socket, the only one asked when set. Null: the socket <c>DOCKER_HOST</c> names
    /// (only <c>unix://</c> is supported), else every one of <c>/var/run/docker.sock</c> and
    /// <c>/run/podman/podman.sock</c> that exists, in that order. Default: null.
    /// </summary>
    public string? Socket { get; set; }

    /// <summary>
    /// How long one engine may take to accept the connection and answer a request; an engine slower than that counts
    /// as one that could not be asked. Default: 2 seconds; 1 ms to 5 minutes.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:05:00", ParseLimitsInInvariantCulture = true)]
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "The TimeSpan range is read by the generated validator in Tracing.Hosting, which parses it with TimeSpan.TryParse; no TypeConverter runs.")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(2);
}
