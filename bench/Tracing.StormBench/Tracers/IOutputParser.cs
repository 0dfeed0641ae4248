using Tracing.StormBench.Storm;

namespace Tracing.StormBench.Tracers;

/// <summary>Counts, in one tracer's output format, the storm execs delivered and those with argv whole.</summary>
internal interface IOutputParser
{
    Tally Parse(IReadOnlyList<OutputLine> lines, StormIndex index);
}
