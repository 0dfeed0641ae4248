using System.Globalization;
using System.Text.RegularExpressions;
using Tracing.StormBench.Storm;

namespace Tracing.StormBench.Tracers;

/// <summary>
/// exectrace's default text: <c>HH:mm:ss.fff PID ppid=N argv...</c>; an exec whose argv was lost says
/// <c>[argv unavailable: process ended]</c> before the command name.
/// </summary>
internal sealed partial class ExectraceTextParser : IOutputParser
{
    [GeneratedRegex(@"^\S+ (\d+) ppid=\d+ (.*)$")]
    private static partial Regex Line();

    public Tally Parse(IReadOnlyList<OutputLine> lines, StormIndex index)
    {
        var tally = new Tally(index.Count);
        foreach (var line in lines)
        {
            var match = Line().Match(line.Text);
            int? pid = match.Success ? int.Parse(match.Groups[1].ValueSpan, CultureInfo.InvariantCulture) : null;
            if (index.TryFind(pid, line.Text, out var i))
            {
                var text = match.Success ? match.Groups[2].Value.TrimEnd() : line.Text;
                tally.Add(i, text == index.ExpectedCommandLine(i), line.Text);
            }
        }

        return tally;
    }
}
