using System.Text;
using System.Text.Json;
using Tracing.Cli.Output;
using Tracing.Events;

namespace Tracing.Cli.Tests.Output;

/// <summary>The opt-in fields: <c>env</c> (absent when not asked, null when not readable) and <c>depth</c> (with --tree).</summary>
public class JsonEventFormatterOptInTests
{
    private static ExecEvent Echo => new()
    {
        Pid = 7,
        ParentPid = 1,
        Arguments = ProcessArguments.FromStrings(["echo"]),
        ArgvSource = ArgvSource.Complete,
    };

    [Fact]
    public void Env_is_absent_when_not_asked_null_when_unreadable_and_an_array_when_read()
    {
        Assert.False(Parse(Echo).TryGetProperty("env", out _));
        Assert.Equal(JsonValueKind.Null, Parse(Echo with { EnvironmentUnavailable = true }).GetProperty("env").ValueKind);
        Assert.Equal(0, Parse(Echo with { Environment = ProcessArguments.Empty }).GetProperty("env").GetArrayLength());
    }

    [Fact]
    public void Env_that_is_not_UTF8_also_comes_byte_exact_as_env_base64()
    {
        byte[] raw = [.. "A="u8, 0xff, 0xfe];
        var root = Parse(Echo with { Environment = ProcessArguments.FromNulSeparated([.. "PATH=/bin\0"u8, .. raw, 0]) });

        Assert.Equal(["PATH=/bin", "A=\uFFFD\uFFFD"], root.GetProperty("env").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal([Encoding.UTF8.GetBytes("PATH=/bin"), raw], root.GetProperty("env_base64").EnumerateArray().Select(e => e.GetBytesFromBase64()));
    }

    [Fact]
    public void Depth_is_written_only_when_asked_a_number_or_null()
    {
        Assert.False(Parse(Echo with { Depth = 2 }).TryGetProperty("depth", out _));
        Assert.Equal(2, Parse(Echo with { Depth = 2 }, depth: true).GetProperty("depth").GetInt32());
        Assert.Equal(JsonValueKind.Null, Parse(Echo, depth: true).GetProperty("depth").ValueKind);
    }

    private static JsonElement Parse(TraceEvent item, bool depth = false)
    {
        var line = new StringBuilder();
        Assert.True(new JsonEventFormatter(depth).TryFormat(item, line));
        return JsonDocument.Parse(line.ToString()).RootElement.Clone();
    }
}
