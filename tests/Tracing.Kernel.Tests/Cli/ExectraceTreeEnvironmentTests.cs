using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Tracing.Tests.Systemd;

namespace Tracing.Kernel.Tests.Cli;

/// <summary>
/// exectrace --tree, -e and -l on a real nested shell: the innermost shell waits for a line on the stdin it shares
/// with exectrace until its exec is printed. Depths are checked against the ppids the lines recorded; the environment
/// against what the test gave exectrace (and so the command), a terminal escape included.
/// </summary>
public partial class ExectraceTreeEnvironmentTests
{
    private const string Hostile = "\u001b]0;owned\u0007\u001b[31mred";

    [Theory]
    [InlineData("bpf")]
    [InlineData("proc-connector")]
    public async Task Json_gives_each_exec_its_depth_and_its_environment(string source)
    {
        var marker = KernelTracer.NewMarker();
        var (exitCode, lines, errors) = await RunHeldAsync(marker, "--source", source, "--json", "--tree", "-e");

        Assert.True(exitCode == 0, $"exit code {exitCode}; stderr: {errors}");
        var execs = lines.Select(l => JsonDocument.Parse(l).RootElement)
            .Where(e => e.GetProperty("event").GetString() == "exec" && e.GetProperty("argv").EnumerateArray().Any(a => a.GetString()!.Contains(marker, StringComparison.Ordinal)))
            .ToList();
        Assert.True(execs.Count >= 2, string.Join('\n', lines));
        var parents = execs.ToDictionary(e => e.GetProperty("pid").GetInt32(), e => e.GetProperty("ppid").GetInt32());
        foreach (var exec in execs)
        {
            // The command's parent is exectrace: the top, depth 0; each shell below is its recorded parent's plus one.
            var depth = 0;
            for (var pid = exec.GetProperty("pid").GetInt32(); parents.ContainsKey(parents[pid]); pid = parents[pid])
            {
                depth++;
            }

            Assert.Equal(depth, exec.GetProperty("depth").GetInt32());
            Assert.Contains($"TRACING_TEST_HOSTILE={Hostile}", exec.GetProperty("env").EnumerateArray().Select(e => e.GetString()));
        }
    }

    [Theory]
    [InlineData("bpf")]
    [InlineData("proc-connector")]
    public async Task Text_indents_by_depth_shows_the_executable_and_quotes_the_environment(string source)
    {
        var marker = KernelTracer.NewMarker();
        var (exitCode, lines, errors) = await RunHeldAsync(marker, "--source", source, "--tree", "-e", "-l");

        Assert.True(exitCode == 0, $"exit code {exitCode}; stderr: {errors}");
        var shells = lines.Select(l => ExecLine().Match(l)).Where(m => m.Success && m.Value.Contains(marker, StringComparison.Ordinal)).ToList();
        Assert.True(shells.Count >= 2, string.Join('\n', lines));
        var indents = shells.ToDictionary(m => int.Parse(m.Groups["pid"].Value, CultureInfo.InvariantCulture), m => m.Groups["indent"].Length);
        var realShell = await RealPathAsync("/bin/sh");
        foreach (var shell in shells)
        {
            var ppid = int.Parse(shell.Groups["ppid"].Value, CultureInfo.InvariantCulture);
            Assert.Equal(indents.TryGetValue(ppid, out var parentIndent) ? parentIndent + 2 : 0, shell.Groups["indent"].Length);
            Assert.StartsWith(realShell + " ", shell.Groups["rest"].Value, StringComparison.Ordinal);
            Assert.Contains(" [env] ", shell.Groups["rest"].Value, StringComparison.Ordinal);
            Assert.Contains(@"$'TRACING_TEST_HOSTILE=\E]0;owned\x07\E[31mred'", shell.Groups["rest"].Value, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(lines, l => l.Contains('\u001b', StringComparison.Ordinal));
    }

    // exectrace runs sh, which runs sh, whose `read` holds it on the shared stdin until the test has seen its exec.
    private static async Task<(int ExitCode, IReadOnlyList<string> Lines, string Errors)> RunHeldAsync(string marker, params string[] options)
    {
        var info = ExectraceProcess.StartInfo([.. options, "--", "/bin/sh", "-c", $"sh -c 'read x; : {marker}'; : {marker}"]);
        info.Environment["TRACING_TEST_HOSTILE"] = Hostile;
        await using var session = await ExectraceSession.StartAsync(info, NotifySocket.Bind());
        await session.ReadUntilAsync(l => l.Contains("read x", StringComparison.Ordinal));
        session.WriteInput(string.Empty);
        return await session.WaitForExitAsync();
    }

    // The path the kernel shows for the executable: every link resolved, /bin itself included on a merged /usr.
    private static async Task<string> RealPathAsync(string path)
    {
        using var realpath = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("realpath", [path]) { RedirectStandardOutput = true })!;
        var resolved = await realpath.StandardOutput.ReadToEndAsync();
        await realpath.WaitForExitAsync();
        return resolved.TrimEnd('\n');
    }

    [GeneratedRegex(@"^\S+ (?<indent> *)(?<pid>\d+) ppid=(?<ppid>\d+) (?<rest>.*)$")]
    private static partial Regex ExecLine();
}
