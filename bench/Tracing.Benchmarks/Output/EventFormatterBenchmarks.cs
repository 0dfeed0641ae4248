using System.Buffers;
using System.Text;
using BenchmarkDotNet.Attributes;
using Tracing.Cli.Output;
using Tracing.Events;

namespace Tracing.Benchmarks.Output;

/// <summary>One exec as each output mode formats it: what the CLI adds to the receive thread per line.</summary>
[MemoryDiagnoser]
public class EventFormatterBenchmarks
{
    private static readonly ExecEvent s_exec = new()
    {
        Pid = 123456,
        ParentPid = 123400,
        KernelTimestampNs = 987_654_321_000,
        Time = new DateTimeOffset(2026, 12, 2, 7, 0, 0, TimeSpan.Zero),
        Arguments = ProcessArguments.FromStrings(["/usr/bin/git", "-C", "/home/user/src/project", "commit", "-m", "Fix the parser's bounds check"]),
        CommandName = "git",
        ExecutablePath = "/usr/bin/git",
        WorkingDirectory = "/home/user/src/project",
        RealUid = 1000,
        EffectiveUid = 1000,
        UserName = "user",
    };

    private readonly JsonEventFormatter _json = new();
    private readonly TextEventFormatter _text = new(showWorkingDirectory: false, showUser: false);
    private readonly ArrayBufferWriter<byte> _bytes = new(1024);
    private readonly StringBuilder _line = new(1024);

    /// <summary>--json, written as UTF-8 straight into the output buffer (the CLI's path).</summary>
    [Benchmark(Baseline = true)]
    public int JsonUtf8()
    {
        _bytes.ResetWrittenCount();
        _json.TryFormat(s_exec, _bytes);
        return _bytes.WrittenCount;
    }

    /// <summary>--json through a string, then encoded (the path before: a decode and an encode of every line).</summary>
    [Benchmark]
    public int JsonViaString()
    {
        _line.Clear();
        _json.TryFormat(s_exec, _line);
        return Encoding.UTF8.GetByteCount(_line.ToString());
    }

    /// <summary>The default text line, then encoded.</summary>
    [Benchmark]
    public int Text()
    {
        _line.Clear();
        _text.TryFormat(s_exec, _line);
        return Encoding.UTF8.GetByteCount(_line.ToString());
    }
}
