using System.Globalization;
using System.Text.RegularExpressions;
using Tracing.StormBench.Storm;

namespace Tracing.StormBench.Tracers;

/// <summary>forkstat prints <c>HH:MM:SS exec PID [info] [duration] argv...</c>; just the comm when argv was gone.</summary>
internal sealed partial class ForkstatParser : IOutputParser
{
    [GeneratedRegex(@"^\S+\s+exec\s+(\d+)\s+(.*)$")]
    private static partial Regex ExecLine();

    public Tally Parse(IReadOnlyList<OutputLine> lines, StormIndex index)
    {
        var tally = new Tally(index.Count);
        foreach (var line in lines)
        {
            var match = ExecLine().Match(line.Text);
            if (!match.Success)
            {
                continue;
            }

            var pid = int.Parse(match.Groups[1].ValueSpan, CultureInfo.InvariantCulture);
            if (index.TryFind(pid, line.Text, out var i))
            {
                tally.Add(i, match.Groups[2].Value.Trim() == index.ExpectedCommandLine(i), line.Text);
            }
        }

        return tally;
    }
}
