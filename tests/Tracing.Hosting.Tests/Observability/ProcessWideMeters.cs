namespace Tracing.Hosting.Tests.Observability;

/// <summary>
/// Tests whose listener (the OpenTelemetry SDK's) takes every meter named Tracing in the process: they run alone, or
/// another test's tracer, whose measurements reach the instruments from a pool thread, would be counted too.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessWideMeters
{
    public const string Name = "Process-wide meters";
}
