using System.Text;
using System.Text.Json;
using Tracing.Cli.Output;
using Tracing.Events;

namespace Tracing.Cli.Tests.Output;

public class JsonEventFormatterTests
{
    private static readonly DateTimeOffset s_time = new(2025, 3, 14, 14, 2, 11, 532, TimeSpan.Zero);

    private static ExecEvent GitCommit => new()
    {
        Time = s_time,
        KernelTimestampNs = 123_456_789_000,
        Pid = 12345,
        ParentPid = 12000,
        RealUid = 1000,
        EffectiveUid = 0,
        ExecutablePath = "/usr/bin/git",
        CommandName = "git",
        WorkingDirectory = "/src/repo",
        Arguments = ProcessArguments.FromStrings(["git", "commit", "-m", "fix bug"]),
        ArgvSource = ArgvSource.Complete,
    };

    [Fact]
    public void Exec_has_stable_field_names_in_order()
    {
        using var json = Parse(GitCommit);

        Assert.Equal(
            ["event", "time", "timestamp_ns", "pid", "ppid", "uid", "euid", "user", "container", "nspid", "exe", "comm", "cwd", "argv", "argv_complete", "argv_source"],
            json.RootElement.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void Exec_values()
    {
        using var json = Parse(GitCommit);
        var root = json.RootElement;

        Assert.Equal("exec", root.GetProperty("event").GetString());
        Assert.Equal(s_time, root.GetProperty("time").GetDateTimeOffset());
        Assert.Equal(123_456_789_000, root.GetProperty("timestamp_ns").GetInt64());
        Assert.Equal(12345, root.GetProperty("pid").GetInt32());
        Assert.Equal(12000, root.GetProperty("ppid").GetInt32());
        Assert.Equal(1000, root.GetProperty("uid").GetInt32());
        Assert.Equal(0, root.GetProperty("euid").GetInt32());
        Assert.Equal("/usr/bin/git", root.GetProperty("exe").GetString());
        Assert.Equal("git", root.GetProperty("comm").GetString());
        Assert.Equal("/src/repo", root.GetProperty("cwd").GetString());
        Assert.Equal(["git", "commit", "-m", "fix bug"], root.GetProperty("argv").EnumerateArray().Select(a => a.GetString()));
        Assert.True(root.GetProperty("argv_complete").GetBoolean());
        Assert.Equal("cmdline", root.GetProperty("argv_source").GetString());
    }

    [Fact]
    public void Unknown_values_are_null()
    {
        var exec = GitCommit with { RealUid = null, EffectiveUid = null, ExecutablePath = null, CommandName = null, WorkingDirectory = null };

        using var json = Parse(exec);
        var root = json.RootElement;

        Assert.All(["uid", "euid", "exe", "comm", "cwd"], name => Assert.Equal(JsonValueKind.Null, root.GetProperty(name).ValueKind));
    }

    [Theory]
    [InlineData(ArgvSource.CommandName, "comm")]
    [InlineData(ArgvSource.None, "none")]
    [InlineData(ArgvSource.Truncated, "truncated")]
    public void Fallback_argv_is_flagged(ArgvSource source, string expected)
    {
        using var json = Parse(GitCommit with { ArgvSource = source });

        Assert.False(json.RootElement.GetProperty("argv_complete").GetBoolean());
        Assert.Equal(expected, json.RootElement.GetProperty("argv_source").GetString());
    }

    [Fact]
    public void Valid_UTF8_argv_has_no_base64()
    {
        using var json = Parse(GitCommit);

        Assert.False(json.RootElement.TryGetProperty("argv_base64", out _));
    }

    [Fact]
    public void Non_UTF8_argv_gives_base64_of_the_exact_raw_bytes()
    {
        byte[] raw = [(byte)'c', (byte)'a', (byte)'t', 0, (byte)'f', 0xFF, 0xFE, (byte)'\n', 0, 0];
        var exec = GitCommit with { Arguments = ProcessArguments.FromNulSeparated(raw) };

        using var json = Parse(exec);
        var decoded = json.RootElement.GetProperty("argv_base64").EnumerateArray().Select(a => a.GetBytesFromBase64()).ToList();

        Assert.Equal(3, decoded.Count);
        Assert.Equal("cat"u8.ToArray(), decoded[0]);
        Assert.Equal(new byte[] { (byte)'f', 0xFF, 0xFE, (byte)'\n' }, decoded[1]);
        Assert.Empty(decoded[2]);
        Assert.Equal(["cat", "f\uFFFD\uFFFD\n", ""], json.RootElement.GetProperty("argv").EnumerateArray().Select(a => a.GetString()));
    }

    [Fact]
    public void Json_text_has_no_raw_control_or_non_ASCII_characters()
    {
        var exec = GitCommit with
        {
            Arguments = ProcessArguments.FromNulSeparated([0x1B, (byte)'[', (byte)'2', (byte)'J', 0, 0xFF, 0x07, 0x7F, 0, .. "héllo\u202E\u2028"u8]),
            WorkingDirectory = "/tmp/\n\u0085",
            CommandName = "ünï",
        };

        var text = FormatLine(exec);

        Assert.All(text, c => Assert.InRange(c, (char)0x20, (char)0x7E));
        using var json = JsonDocument.Parse(text);
        Assert.Equal("\u001B[2J", json.RootElement.GetProperty("argv")[0].GetString());
        Assert.Equal("/tmp/\n\u0085", json.RootElement.GetProperty("cwd").GetString());
        Assert.Equal("ünï", json.RootElement.GetProperty("comm").GetString());
    }

    [Fact]
    public void Exit_has_stable_field_names_in_order()
    {
        var exit = new ExitEvent { Time = s_time, Pid = 5, ParentPid = 1, RawStatus = 768, ExitCode = 3, Lifetime = TimeSpan.FromMilliseconds(78), CommandName = "make" };

        using var json = Parse(exit);

        Assert.Equal(
            ["event", "time", "timestamp_ns", "pid", "ppid", "status", "exit_code", "signal", "core_dumped", "duration_s", "comm", "container", "nspid"],
            json.RootElement.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void Exit_values_for_a_normal_exit()
    {
        var exit = new ExitEvent { Time = s_time, Pid = 5, ParentPid = 1, RawStatus = 768, ExitCode = 3, Lifetime = TimeSpan.FromMilliseconds(78), CommandName = "make" };

        using var json = Parse(exit);
        var root = json.RootElement;

        Assert.Equal("exit", root.GetProperty("event").GetString());
        Assert.Equal(768, root.GetProperty("status").GetInt32());
        Assert.Equal(3, root.GetProperty("exit_code").GetInt32());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("signal").ValueKind);
        Assert.False(root.GetProperty("core_dumped").GetBoolean());
        Assert.Equal(0.078, root.GetProperty("duration_s").GetDouble(), 9);
        Assert.Equal("make", root.GetProperty("comm").GetString());
    }

    [Fact]
    public void Exit_values_for_a_signal_with_core_and_unknown_duration()
    {
        var exit = new ExitEvent { Time = s_time, Pid = 5, RawStatus = 0x8B, Signal = 11, CoreDumped = true };

        using var json = Parse(exit);
        var root = json.RootElement;

        Assert.Equal(JsonValueKind.Null, root.GetProperty("exit_code").ValueKind);
        Assert.Equal(11, root.GetProperty("signal").GetInt32());
        Assert.True(root.GetProperty("core_dumped").GetBoolean());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("duration_s").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("comm").ValueKind);
    }

    [Fact]
    public void Each_event_is_one_line_and_the_formatter_can_be_reused()
    {
        var formatter = new JsonEventFormatter();
        var first = new StringBuilder();
        var second = new StringBuilder();

        formatter.TryFormat(GitCommit with { WorkingDirectory = "/a\nb" }, first);
        formatter.TryFormat(new ExitEvent { Pid = 9, ExitCode = 0 }, second);

        Assert.DoesNotContain('\n', first.ToString());
        Assert.Equal(12345, JsonDocument.Parse(first.ToString()).RootElement.GetProperty("pid").GetInt32());
        Assert.Equal(9, JsonDocument.Parse(second.ToString()).RootElement.GetProperty("pid").GetInt32());
    }

    private static string FormatLine(TraceEvent item)
    {
        var line = new StringBuilder();
        Assert.True(new JsonEventFormatter().TryFormat(item, line));
        return line.ToString();
    }

    private static JsonDocument Parse(TraceEvent item) => JsonDocument.Parse(FormatLine(item));
}
