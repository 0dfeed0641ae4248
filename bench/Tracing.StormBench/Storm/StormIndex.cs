using System.Globalization;
using System.Text.RegularExpressions;

namespace Tracing.StormBench.Storm;

/// <summary>Maps what a tracer printed back to storm processes, by pid and by marker.</summary>
internal sealed class StormIndex
{
    private readonly Dictionary<int, int> _indexByPid;
    private readonly Regex _marker;

    public StormIndex(string runId, int[] pids)
    {
        RunId = runId;
        Count = pids.Length;
        _indexByPid = new Dictionary<int, int>(pids.Length);
        for (var i = 0; i < pids.Length; i++)
        {
            _indexByPid[pids[i]] = i;
        }

        _marker = new Regex($@"{Regex.Escape(Markers.Prefix(runId))}(\d+)(?![\d])", RegexOptions.CultureInvariant);
    }

    public string RunId { get; }

    public int Count { get; }

    public bool TryGetIndexByPid(int pid, out int index) => _indexByPid.TryGetValue(pid, out index);

    /// <summary>The storm process a line names, by its pid if that is one of ours, else by the first marker in the text.</summary>
    public bool TryFind(int? pid, string text, out int index)
    {
        if (pid is int p && _indexByPid.TryGetValue(p, out index))
        {
            return true;
        }

        var match = _marker.Match(text);
        if (match.Success && int.TryParse(match.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out index) && index < Count)
        {
            return true;
        }

        index = -1;
        return false;
    }

    public string ExpectedCommandLine(int index) => Markers.ExpectedCommandLine(RunId, index);

    public string Marker(int index) => Markers.For(RunId, index);
}
