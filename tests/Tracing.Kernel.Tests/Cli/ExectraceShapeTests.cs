using System.Text.RegularExpressions;
using Tracing.Kernel.Tests.Shapes;

namespace Tracing.Kernel.Tests.Cli;

public partial class ExectraceShapeTests
{
    [Theory]
    [InlineData("bpf")]
    [InlineData("proc-connector")]
    public async Task A_command_whose_thread_execs_shows_both_execs_and_one_true_exit(string source)
    {
        var (exitCode, output, errors) = await ExectraceProcess.RunAsync("--source", source, "-t", "--", ShapesProgram.Path, "thread-exec", "3");

        Assert.True(exitCode == 3, $"exit code {exitCode}; stderr: {errors}");
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var execs = lines.Select(l => ExecLine().Match(l)).Where(m => m.Success).ToList();
        Assert.True(execs.Count == 2, output);
        var pid = execs[0].Groups["pid"].Value;
        Assert.Equal($"{ShapesProgram.Path} thread-exec 3", execs[0].Groups["argv"].Value);
        Assert.Equal($"{ShapesProgram.Path} leaf 3", execs[1].Groups["argv"].Value);
        Assert.Equal(pid, execs[1].Groups["pid"].Value);
        Assert.Equal(execs[0].Groups["ppid"].Value, execs[1].Groups["ppid"].Value);
        var exit = Assert.Single(lines, l => l.Contains(" exit=", StringComparison.Ordinal));
        Assert.Matches($@"^\S+ {pid} exit=3 \d+\.\d+s shapes$", exit);
    }

    [GeneratedRegex(@"^\S+ (?<pid>\d+) ppid=(?<ppid>\d+) (?<argv>.*)$")]
    private static partial Regex ExecLine();
}
