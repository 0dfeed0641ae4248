using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace Tracing.Kernel.Tests.Cli;

/// <summary>A cwd and an exe whose names are not valid UTF-8 reach the JSON byte-exact, as <c>cwd_base64</c> and <c>exe_base64</c>.</summary>
public sealed class ExectraceNonUtf8PathTests : IDisposable
{
    private readonly string _parent = Directory.CreateTempSubdirectory("exectrace-paths-").FullName;

    [Theory]
    [InlineData("bpf")]
    [InlineData("proc-connector")]
    public async Task Json_gives_the_exact_bytes_of_a_cwd_and_an_exe_that_are_not_UTF8(string source)
    {
        var marker = KernelTracer.NewMarker();
        // The directory is named by the shell (a .NET string cannot hold byte 0xFF); a copy of sh in it is the exe,
        // held alive by 'read x' while exectrace reads it.
        var script = $"d=\"{_parent}/dir-$(printf '\\377')-x\" && mkdir \"$d\" && cp /bin/sh \"$d/sh-$(printf '\\376')\" "
            + $"&& cd \"$d\" && \"$d/sh-$(printf '\\376')\" -c 'read x' {marker}";
        var (exitCode, lines, errors) = await ExectraceSession.RunHeldAsync(
            l => l.Contains($"\"read x\",\"{marker}\"", StringComparison.Ordinal), "--source", source, "--json", "--", "/bin/sh", "-c", script);

        Assert.True(exitCode == 0, $"exit code {exitCode}; stderr: {errors}");
        var exec = JsonDocument.Parse(lines.Single(l => l.Contains($"\"read x\",\"{marker}\"", StringComparison.Ordinal))).RootElement;
        byte[] directory = [.. Encoding.UTF8.GetBytes(_parent + "/dir-"), 0xFF, .. "-x"u8];
        byte[] executable = [.. directory, .. "/sh-"u8, 0xFE];
        Assert.Equal(directory, exec.GetProperty("cwd_base64").GetBytesFromBase64());
        Assert.Equal(executable, exec.GetProperty("exe_base64").GetBytesFromBase64());
        Assert.Equal(Encoding.UTF8.GetString(directory), exec.GetProperty("cwd").GetString());
    }

    [Theory]
    [InlineData("bpf")]
    [InlineData("proc-connector")]
    public async Task Json_has_no_base64_twin_for_UTF8_paths(string source)
    {
        var marker = KernelTracer.NewMarker();
        var (exitCode, lines, errors) = await ExectraceSession.RunHeldAsync(
            l => l.Contains(marker, StringComparison.Ordinal), "--source", source, "--json", "--", "/bin/sh", "-c", "read x", marker);

        Assert.True(exitCode == 0, $"exit code {exitCode}; stderr: {errors}");
        var exec = JsonDocument.Parse(lines.Single(l => l.Contains(marker, StringComparison.Ordinal))).RootElement;
        Assert.False(exec.TryGetProperty("cwd_base64", out _));
        Assert.False(exec.TryGetProperty("exe_base64", out _));
        Assert.NotNull(exec.GetProperty("cwd").GetString());
    }

    // .NET cannot name the 0xFF entries to delete them: rm can.
    public void Dispose()
    {
        using var rm = Process.Start("rm", ["-rf", "--", _parent]);
        rm.WaitForExit();
    }
}
