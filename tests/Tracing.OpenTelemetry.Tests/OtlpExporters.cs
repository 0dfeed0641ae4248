namespace Tracing.OpenTelemetry.Tests;

/// <summary>
/// Tests that change the process's environment, or whose pipelines listen to the one <c>Tracing</c> activity source:
/// one at a time, and alone.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class OtlpExporters
{
    public const string Name = "OTLP exporters";
}
