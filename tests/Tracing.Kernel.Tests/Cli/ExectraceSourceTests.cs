using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Tracing.Tests.Systemd;

namespace Tracing.Kernel.Tests.Cli;

/// <summary>exectrace's <c>--source</c> and <c>-x</c>: what it says when eBPF cannot run, and failed execs in its output.</summary>
public class ExectraceSourceTests
{
    // ExitCodes.TracingFailed: tracing could not start, as for any other start failure.
    private const int TracingFailed = 1;

    [Fact]
    public async Task Asked_for_bpf_as_nobody_it_fails_to_start_naming_the_capabilities_it_needs()
    {
        var (exitCode, _, errors) = await RunAsNobodyAsync([], "--source", "bpf", "--", "/bin/true");

        Assert.True(exitCode == TracingFailed, $"exit code {exitCode}: {errors}");
        Assert.Contains("CAP_BPF", errors, StringComparison.Ordinal);
        Assert.Contains("CAP_PERFMON", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Failed_execs_with_the_proc_connector_fail_to_start_saying_they_need_ebpf()
    {
        var (exitCode, _, errors) = await ExectraceProcess.RunAsync("-x", "--source", "proc-connector", "--", "/bin/true");

        Assert.True(exitCode == TracingFailed, $"exit code {exitCode}: {errors}");
        Assert.Contains("eBPF", errors, StringComparison.Ordinal);
        Assert.Contains("--source bpf", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Auto_as_nobody_with_only_cap_net_admin_falls_back_to_the_proc_connector_says_why_and_reports_the_exec()
    {
        var marker = KernelTracer.NewMarker();
        var info = AsNobody(["--inh-caps=+net_admin", "--ambient-caps=+net_admin"], "--source", "auto", "--", "/bin/sh", "-c", "read x", marker);

        // The command waits for a line on the stdin it shares with exectrace, so its argv is there to read.
        await using var exectrace = await ExectraceSession.StartAsync(info, NotifySocket.Bind(abstractNamespace: true));
        var line = (await exectrace.ReadUntilAsync(l => l.EndsWith(marker, StringComparison.Ordinal)))[^1];
        exectrace.WriteInput(string.Empty);
        var (exitCode, _, errors) = await exectrace.WaitForExitAsync();

        Assert.True(exitCode == 0, errors);
        Assert.EndsWith($"/bin/sh -c 'read x' {marker}", line, StringComparison.Ordinal);
        Assert.Contains("the proc connector, since eBPF cannot run here", errors, StringComparison.Ordinal);
        Assert.Contains("CAP_BPF", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Failed_execs_are_in_the_text_output_with_their_errno_name()
    {
        var (exitCode, output, errors) = await ExectraceProcess.RunAsync("-x", "--", "sh", "-c", "/nonexistent; /bin/true ok");

        Assert.True(exitCode == 0, errors);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var shell = Regex.Match(Assert.Single(lines, l => !l.Contains("failed=", StringComparison.Ordinal) && l.EndsWith(" sh -c '/nonexistent; /bin/true ok'", StringComparison.Ordinal)), @" (\d+) ppid=");
        var failed = Assert.Single(lines, l => l.Contains("path=/nonexistent", StringComparison.Ordinal));
        Assert.EndsWith($" ppid={shell.Groups[1].Value} failed=ENOENT path=/nonexistent /nonexistent", failed, StringComparison.Ordinal);
        Assert.Single(lines, l => l.EndsWith($" ppid={shell.Groups[1].Value} /bin/true ok", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Failed_execs_are_in_the_json_output_with_errno_and_its_name_and_are_never_execs()
    {
        var (exitCode, output, errors) = await ExectraceProcess.RunAsync("-x", "--json", "--", "sh", "-c", "/nonexistent; /bin/true ok");

        Assert.True(exitCode == 0, errors);
        var events = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var shell = Assert.Single(events, e => Kind(e) == "exec" && Argv(e) == "sh|-c|/nonexistent; /bin/true ok");
        var failed = Assert.Single(events, e => Kind(e) == "exec_failed" && e.GetProperty("path").GetString() == "/nonexistent");
        Assert.Equal(2, failed.GetProperty("errno").GetInt32());
        Assert.Equal("ENOENT", failed.GetProperty("error").GetString());
        Assert.Equal("/nonexistent", Argv(failed));
        Assert.Equal(shell.GetProperty("pid").GetInt32(), failed.GetProperty("ppid").GetInt32());
        Assert.DoesNotContain(events, e => Kind(e) == "exec" && Argv(e) == "/nonexistent");
        Assert.Single(events, e => Kind(e) == "exec" && Argv(e) == "/bin/true|ok");

        // The shell lives on until its children end: its executable and directory are read, though its exec came right
        // after a burst of failed execs (its own PATH search by the launcher), whose path had to be compiled first once.
        var sh = Environment.GetEnvironmentVariable("PATH")!.Split(':').Select(d => Path.Join(d, "sh")).First(File.Exists);
        Assert.Equal(File.ResolveLinkTarget(sh, returnFinalTarget: true)?.FullName ?? sh, shell.GetProperty("exe").GetString());
        Assert.Equal(Environment.CurrentDirectory, shell.GetProperty("cwd").GetString());
    }

    private static string? Kind(JsonElement e) => e.GetProperty("event").GetString();

    private static string Argv(JsonElement e) => string.Join('|', e.GetProperty("argv").EnumerateArray().Select(a => a.GetString()));

    private static ProcessStartInfo AsNobody(string[] capabilities, params string[] arguments)
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "/usr/share/dotnet/dotnet";
        var info = new ProcessStartInfo("setpriv") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in (string[])["--reuid=65534", "--regid=65534", "--clear-groups", .. capabilities, "env", "HOME=/tmp", "DOTNET_CLI_HOME=/tmp",
            host, Path.Combine(AppContext.BaseDirectory, "exectrace.dll"), .. arguments])
        {
            info.ArgumentList.Add(argument);
        }

        return info;
    }

    private static async Task<(int ExitCode, string Output, string Errors)> RunAsNobodyAsync(string[] capabilities, params string[] arguments)
    {
        using var process = Process.Start(AsNobody(capabilities, arguments))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await errors);
    }
}
