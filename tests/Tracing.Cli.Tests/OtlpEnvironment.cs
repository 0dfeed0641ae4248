namespace Tracing.Cli.Tests;

/// <summary>Tests that set OTEL_* variables, which the whole process sees: they run one at a time, apart from the rest.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class OtlpEnvironment
{
    public const string Name = "OTEL environment";
}
