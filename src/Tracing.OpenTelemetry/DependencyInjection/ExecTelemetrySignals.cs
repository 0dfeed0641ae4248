namespace Tracing.OpenTelemetry.DependencyInjection;

/// <summary>
/// Which signals an application asked for, for one tracer: records (<c>WithLogging</c>), spans (<c>WithTracing</c>), or
/// both; one bridge per tracer makes them. Registered once per tracer name.
/// </summary>
/// <param name="tracerName">The keyed tracer's name, or null for the unkeyed one.</param>
internal sealed class ExecTelemetrySignals(string? tracerName)
{
    public string? TracerName { get; } = tracerName;

    public bool Records { get; set; }

    public bool Spans { get; set; }

    /// <summary>Every configuration given for this tracer, in order.</summary>
    public List<Action<ExecTelemetryOptions>> Configure { get; } = [];

    public ExecTelemetryOptions Options()
    {
        var options = new ExecTelemetryOptions { TracerName = TracerName };
        foreach (var configure in Configure)
        {
            configure(options);
        }

        options.TracerName = TracerName;
        return options;
    }
}
