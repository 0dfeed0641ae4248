namespace Tracing.StormBench.Storm;

/// <summary>The pids of one storm, in marker order, and how long it took to start and reap them all.</summary>
internal sealed record StormResult(int[] Pids, TimeSpan Elapsed)
{
    public double ExecsPerSecond => Pids.Length / Elapsed.TotalSeconds;
}
