namespace Tracing.StormBench.Tracers;

/// <summary>One line of a tracer's output and, when read from a pipe, CLOCK_MONOTONIC at its arrival (ns; else 0).</summary>
internal readonly record struct OutputLine(string Text, long ArrivalNs);
