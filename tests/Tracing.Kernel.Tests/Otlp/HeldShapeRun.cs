using System.Diagnostics;
using System.Text.RegularExpressions;
using Tracing.Kernel.Tests.Cli;
using Tracing.Tests.Systemd;

namespace Tracing.Kernel.Tests.Otlp;

/// <summary>
/// Runs exectrace (text output, <c>-t</c>) over a <see cref="ShapeDirectory"/> shape and lets each program go on once
/// its exec line is printed: exectrace has read its details while it was alive. Ends when the root's exit line is printed
/// (so the arguments must include <c>-t</c>).
/// </summary>
internal static partial class HeldShapeRun
{
    public static async Task<(int ExitCode, IReadOnlyList<string> Lines, string Errors)> RunAsync(ShapeDirectory shape, ProcessStartInfo info)
    {
        await using var session = await ExectraceSession.StartAsync(info, NotifySocket.Bind());
        var root = ReadyPid().Match(session.Ready) is { Success: true } ready ? ready.Groups["pid"].Value : throw new InvalidOperationException(session.Ready);
        while (true)
        {
            var line = (await session.ReadUntilAsync(l => ExecLine().IsMatch(l) || l.Contains($" {root} exit=", StringComparison.Ordinal)))[^1];
            if (!ExecLine().IsMatch(line))
            {
                break;
            }

            await shape.Fifos.ReleaseAsync(shape.Go, ExectraceSession.Bound);
        }

        return await session.WaitForExitAsync();
    }

    /// <summary>The pids of the exec lines of text output.</summary>
    public static IReadOnlyList<int> ExecPids(IEnumerable<string> lines) =>
        [.. lines.Select(l => ExecLine().Match(l)).Where(m => m.Success).Select(m => int.Parse(m.Groups["pid"].Value, System.Globalization.CultureInfo.InvariantCulture))];

    [GeneratedRegex(@"^\S+ (?<pid>\d+) ppid=(?<ppid>\d+) (?<argv>.*)$")]
    private static partial Regex ExecLine();

    [GeneratedRegex(@"\(pid (?<pid>\d+)\)")]
    private static partial Regex ReadyPid();
}
