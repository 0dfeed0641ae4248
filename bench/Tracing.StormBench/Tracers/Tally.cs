using Tracing.StormBench.Storm;

namespace Tracing.StormBench.Tracers;

/// <summary>What one tracer reported about one storm.</summary>
internal sealed class Tally(int count)
{
    private readonly bool[] _delivered = new bool[count];
    private readonly bool[] _complete = new bool[count];

    public int Delivered { get; private set; }

    public int ArgvComplete { get; private set; }

    /// <summary>Events the tracer itself said it lost (exectrace's "lost" events).</summary>
    public long ReportedLost { get; set; }

    /// <summary>Kernel timestamp to arrival in our pipe, in ms, for each delivered storm exec (exectrace on a pipe only).</summary>
    public List<double> LatenciesMs { get; } = [];

    /// <summary>A few lines of execs delivered without their whole argv, for the log.</summary>
    public List<string> IncompleteSamples { get; } = [];

    public void Add(int index, bool argvComplete, string line)
    {
        if (!argvComplete && IncompleteSamples.Count < 3)
        {
            IncompleteSamples.Add(line);
        }

        Add(index, argvComplete);
    }

    public void Add(int index, bool argvComplete)
    {
        if (!_delivered[index])
        {
            _delivered[index] = true;
            Delivered++;
        }

        if (argvComplete && !_complete[index])
        {
            _complete[index] = true;
            ArgvComplete++;
        }
    }

    /// <summary>The first few storm processes the tracer never reported, for the log.</summary>
    public IEnumerable<int> Missing(StormIndex index) => Enumerable.Range(0, index.Count).Where(i => !_delivered[i]);
}
