using System.Text;
using System.Text.Json;
using Tracing.Cli.Output;
using Tracing.Events;

namespace Tracing.Cli.Tests.Output;

/// <summary>A failed exec (<c>-x</c>) as JSON (<c>"event": "exec_failed"</c>, errno and its name) and as a text line.</summary>
public class FailedExecFormattingTests
{
    private static readonly DateTimeOffset s_time = new(2025, 3, 14, 14, 2, 11, 532, TimeSpan.Zero);

    private static ExecFailedEvent NotFound => new()
    {
        Time = s_time,
        KernelTimestampNs = 5_000,
        Pid = 4321,
        ParentPid = 4300,
        Path = "/usr/local/bin/gti",
        Arguments = ProcessArguments.FromStrings(["gti", "commit", "-m", "fix bug"]),
        ArgvSource = ArgvSource.Complete,
        Errno = 2,
        ErrorName = "ENOENT",
        CommandName = "sh",
        RealUid = 1000,
        EffectiveUid = 1000,
    };

    [Fact]
    public void Json_has_the_issues_fields_in_a_stable_order()
    {
        using var json = Parse(NotFound);
        var root = json.RootElement;

        Assert.Equal(
            ["event", "time", "timestamp_ns", "pid", "ppid", "uid", "euid", "comm", "path", "argv", "argv_complete", "argv_source", "errno", "error"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("exec_failed", root.GetProperty("event").GetString());
        Assert.Equal(2, root.GetProperty("errno").GetInt32());
        Assert.Equal("ENOENT", root.GetProperty("error").GetString());
        Assert.Equal("/usr/local/bin/gti", root.GetProperty("path").GetString());
        Assert.Equal(["gti", "commit", "-m", "fix bug"], root.GetProperty("argv").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal((4321, 4300), (root.GetProperty("pid").GetInt32(), root.GetProperty("ppid").GetInt32()));
    }

    [Fact]
    public void Json_gives_a_path_that_is_not_UTF8_in_base64_too_and_an_unknown_error_as_null()
    {
        byte[] raw = [(byte)'/', 0xFF];
        using var json = Parse(NotFound with { Path = "/\uFFFD", PathBytes = raw, ErrorName = null, Errno = 4095 });
        var root = json.RootElement;

        Assert.Equal(Convert.ToBase64String(raw), root.GetProperty("path_base64").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("error").ValueKind);
        Assert.Equal(4095, root.GetProperty("errno").GetInt32());
    }

    [Fact]
    public void Text_says_the_error_the_path_and_the_argv_quoted()
    {
        var line = new StringBuilder();
        Assert.True(new TextEventFormatter(false, false).TryFormat(NotFound, line));

        Assert.EndsWith(" 4321 ppid=4300 failed=ENOENT path=/usr/local/bin/gti gti commit -m 'fix bug'", line.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ArgvSource.Truncated, " [argv truncated] gti")]
    [InlineData(ArgvSource.None, " [argv unreadable] gti")]
    public void Text_flags_an_argv_that_is_not_whole(ArgvSource source, string expected)
    {
        var line = new StringBuilder();
        Assert.True(new TextEventFormatter(false, false).TryFormat(NotFound with { ArgvSource = source }, line));

        Assert.Contains(expected, line.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Text_names_an_error_without_a_name_by_its_number_and_quotes_a_hostile_path()
    {
        var line = new StringBuilder();
        Assert.True(new TextEventFormatter(false, false).TryFormat(NotFound with { ErrorName = null, Errno = 4095, Path = "/tmp/\u001b[31mx" }, line));

        Assert.Contains(" failed=errno4095 path=", line.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b", line.ToString(), StringComparison.Ordinal);
    }

    private static JsonDocument Parse(TraceEvent item)
    {
        var line = new StringBuilder();
        Assert.True(new JsonEventFormatter().TryFormat(item, line));
        return JsonDocument.Parse(line.ToString());
    }
}
