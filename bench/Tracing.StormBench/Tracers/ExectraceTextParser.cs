using System.Text.RegularExpressions;

namespace Tracing.StormBench.Tracers;

/// <summary>
/// exectrace's default text: <c>HH:mm:ss.fff PID ppid=N argv...</c>; an exec whose argv was lost says
/// <c>[argv unavailable: process ended]</c> before the command name, so it does not count as whole.
/// </summary>
internal static partial class ExectraceTextParser
{
    public static IOutputParser Create() => new PidAndCommandLineParser(Line());

    [GeneratedRegex(@"^\S+ (\d+) ppid=(?:\d+|\?) (.*)$")]
    private static partial Regex Line();
}
