using System.Globalization;
using System.Text.RegularExpressions;

namespace Tracing.StormBench.Storm;

/// <summary>
/// Maps what a tracer printed back to storm processes: by marker when the line has one, else by pid. pids wrap
/// (pid_max is often 32768), so a pid names the earliest of its storm processes not yet matched: tracers print in
/// order, and each storm process execs once.
/// </summary>
internal sealed class StormIndex
{
    private readonly Dictionary<int, List<int>> _indicesByPid;
    private readonly Dictionary<int, int> _nextByPid = [];
    private readonly Regex _marker;

    public StormIndex(string runId, int[] pids)
    {
        RunId = runId;
        Count = pids.Length;
        _indicesByPid = new Dictionary<int, List<int>>(pids.Length);
        for (var i = 0; i < pids.Length; i++)
        {
            if (!_indicesByPid.TryGetValue(pids[i], out var indices))
            {
                _indicesByPid[pids[i]] = indices = new List<int>(1);
            }

            indices.Add(i);
        }

        _marker = new Regex($@"{Regex.Escape(Markers.Prefix(runId))}(\d+)(?![\d])", RegexOptions.CultureInvariant);
    }

    public string RunId { get; }

    public int Count { get; }

    /// <summary>The storm process a line names, by the first marker in its text, else by its pid.</summary>
    public bool TryFind(int? pid, string text, out int index)
    {
        var match = _marker.Match(text);
        if (match.Success && int.TryParse(match.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out index) && index < Count)
        {
            if (pid is int p && _indicesByPid.TryGetValue(p, out var seen) && seen.IndexOf(index) is var position and >= 0)
            {
                _nextByPid[p] = position + 1;
            }

            return true;
        }

        if (pid is int q && _indicesByPid.TryGetValue(q, out var indices))
        {
            var next = _nextByPid.GetValueOrDefault(q);
            if (next < indices.Count)
            {
                _nextByPid[q] = next + 1;
                index = indices[next];
                return true;
            }
        }

        index = -1;
        return false;
    }

    public string ExpectedCommandLine(int index) => Markers.ExpectedCommandLine(RunId, index);

    public string Marker(int index) => Markers.For(RunId, index);
}
