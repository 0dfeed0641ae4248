namespace Tracing.StormBench.Tracers;

/// <summary>Where a tracer's events go.</summary>
internal enum TracerOutput
{
    /// <summary>The tracer writes the file named by the <c>{out}</c> argument itself.</summary>
    FileArgument,

    /// <summary>Its stdout is redirected to a file.</summary>
    Stdout,

    /// <summary>Its stdout is a pipe we read, stamping each line on arrival.</summary>
    Pipe,
}
