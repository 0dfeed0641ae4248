namespace Tracing.OpenTelemetry;

/// <summary>What exec telemetry carries, and from which tracer.</summary>
public sealed class ExecTelemetryOptions
{
    /// <summary>
    /// Whether log records and spans carry each process's whole argv (<c>process.command_args</c>, and
    /// <c>tracing.process.command_args_base64</c> when it is not valid UTF-8). False by default, as the OpenTelemetry
    /// semantic conventions ask: argv may hold secrets (<c>mysql -pPASSWORD</c>), and exported telemetry leaves the host.
    /// Without it an exec still carries its executable, its working directory and <c>process.args_count</c>.
    /// </summary>
    public bool IncludeCommandArgs { get; set; }

    /// <summary>
    /// The keyed tracer to follow (<c>AddExecTracing("name", ...)</c>); null for the unkeyed one. Spans and records of a
    /// keyed tracer carry <c>tracing.tracer.name</c>.
    /// </summary>
    public string? TracerName { get; set; }
}
