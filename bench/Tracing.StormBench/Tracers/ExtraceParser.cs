using System.Text.RegularExpressions;

namespace Tracing.StormBench.Tracers;

/// <summary>extrace prints <c>[indent]PID[+] argv...</c>; <c>''</c> or nothing when it could not read argv.</summary>
internal static partial class ExtraceParser
{
    public static IOutputParser Create() => new PidAndCommandLineParser(Line());

    [GeneratedRegex(@"^\s*(\d+)\+?\s(.*)$")]
    private static partial Regex Line();
}
