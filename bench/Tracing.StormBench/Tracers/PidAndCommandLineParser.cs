using System.Globalization;
using System.Text.RegularExpressions;
using Tracing.StormBench.Storm;

namespace Tracing.StormBench.Tracers;

/// <summary>
/// Text output with a line per exec, read by a pattern whose group 1 is the pid and group 2 the command line: the exec
/// counts as whole when the command line is exactly the one started.
/// </summary>
internal sealed class PidAndCommandLineParser(Regex line) : IOutputParser
{
    public Tally Parse(IReadOnlyList<OutputLine> lines, StormIndex index)
    {
        var tally = new Tally(index.Count);
        foreach (var item in lines)
        {
            var match = line.Match(item.Text);
            int? pid = match.Success ? int.Parse(match.Groups[1].ValueSpan, CultureInfo.InvariantCulture) : null;
            if (index.TryFind(pid, item.Text, out var i))
            {
                var text = match.Success ? match.Groups[2].Value.TrimEnd() : item.Text;
                tally.Add(i, text == index.ExpectedCommandLine(i), item.Text);
            }
        }

        return tally;
    }
}
