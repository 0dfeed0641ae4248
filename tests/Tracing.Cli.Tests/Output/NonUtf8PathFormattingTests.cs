using System.Text;
using System.Text.Json;
using Tracing.Cli.Output;
using Tracing.Events;

namespace Tracing.Cli.Tests.Output;

/// <summary>exe and cwd that are not valid UTF-8: JSON gets a base64 twin of their exact bytes (as argv does), text quotes the bytes.</summary>
public class NonUtf8PathFormattingTests
{
    private static readonly byte[] s_exe = [.. "/opt/a"u8, 0xFF, .. "b"u8];
    private static readonly byte[] s_cwd = [.. "/home/"u8, 0xC3, 0x28, (byte)'\n', 0xFE];

    private static ExecEvent Exec => new()
    {
        Pid = 7,
        ExecutablePath = "/usr/bin/true",
        WorkingDirectory = "/tmp",
        Arguments = ProcessArguments.FromStrings(["true"]),
        ArgvSource = ArgvSource.Complete,
    };

    [Fact]
    public void Valid_UTF8_paths_have_no_base64_twin()
    {
        using var json = Parse(Exec);

        Assert.False(json.RootElement.TryGetProperty("exe_base64", out _));
        Assert.False(json.RootElement.TryGetProperty("cwd_base64", out _));
    }

    [Fact]
    public void Invalid_UTF8_paths_have_a_base64_twin_of_their_exact_bytes_after_the_path()
    {
        var exec = Exec with
        {
            ExecutablePath = Encoding.UTF8.GetString(s_exe),
            ExecutablePathBytes = s_exe,
            WorkingDirectory = Encoding.UTF8.GetString(s_cwd),
            WorkingDirectoryBytes = s_cwd,
        };

        using var json = Parse(exec);
        var root = json.RootElement;

        Assert.Equal(s_exe, root.GetProperty("exe_base64").GetBytesFromBase64());
        Assert.Equal(s_cwd, root.GetProperty("cwd_base64").GetBytesFromBase64());
        Assert.Equal(exec.ExecutablePath, root.GetProperty("exe").GetString());
        Assert.Equal(
            ["event", "time", "timestamp_ns", "pid", "ppid", "uid", "euid", "user", "container", "nspid", "exe", "exe_base64", "comm", "cwd", "cwd_base64", "argv", "argv_complete", "argv_source"],
            root.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void Text_quotes_the_working_directory_from_its_exact_bytes()
    {
        var line = new StringBuilder();
        var formatter = new TextEventFormatter(showWorkingDirectory: true, showUser: false);

        Assert.True(formatter.TryFormat(Exec with { WorkingDirectory = "/a\uFFFD", WorkingDirectoryBytes = new byte[] { (byte)'/', (byte)'a', 0xFF } }, line));

        Assert.Contains(@"cwd=$'/a\xFF'", line.ToString(), StringComparison.Ordinal);
    }

    private static JsonDocument Parse(TraceEvent item)
    {
        var line = new StringBuilder();
        Assert.True(new JsonEventFormatter().TryFormat(item, line));
        return JsonDocument.Parse(line.ToString());
    }
}
