using BenchmarkDotNet.Attributes;
using Tracing.Events;
using Tracing.Linux.ProcFs;

namespace Tracing.Benchmarks.ProcFs;

/// <summary>Reading this process from the real /proc, as the tracer does for every exec.</summary>
[MemoryDiagnoser]
public class ProcFsReaderBenchmarks
{
    private readonly ProcFsReader _reader = new();
    private readonly int _pid = Environment.ProcessId;

    [Benchmark]
    public int Cmdline() => _reader.TryReadArguments(_pid, out var arguments) ? arguments.Count : -1;

    /// <summary>What the same read costs through FileStream, for comparison.</summary>
    [Benchmark]
    public int CmdlineViaFileReadAllBytes() =>
        ProcessArguments.FromNulSeparated(File.ReadAllBytes($"/proc/{_pid}/cmdline")).Count;

    [Benchmark]
    public int Stat() => _reader.TryReadStat(_pid, out var stat) ? stat.ParentPid : -1;

    [Benchmark]
    public long Status() => _reader.TryReadCredentials(_pid, out var credentials) ? credentials.RealUid : -1;

    /// <summary>Parent and user ids from a pidfd (<c>PIDFD_GET_INFO</c>): what replaces stat and status on Linux 6.13+.</summary>
    [Benchmark]
    public int Identity() => _reader.TryReadIdentity(_pid, out var identity) ? identity.ParentPid : -1;

    [Benchmark]
    public int Exe() => _reader.TryReadExecutablePath(_pid, out var path) ? path.Length : -1;

    [Benchmark]
    public int Cwd() => _reader.TryReadWorkingDirectory(_pid, out var path) ? path.Length : -1;

    /// <summary>What the default text line reads for one exec: argv, and the parent from the pidfd.</summary>
    [Benchmark]
    public int DefaultLineExec() => Cmdline() + Identity();

    /// <summary>What <c>--json</c> reads for one exec: every detail (comm from stat, exe, cwd, ids from the pidfd).</summary>
    [Benchmark]
    public int JsonLineExec() => Cmdline() + Identity() + Stat() + Exe() + Cwd();

    /// <summary>Everything one exec could read the old way, stat and status included.</summary>
    [Benchmark]
    public int AllForOneExec()
    {
        var total = 0;
        total += Cmdline();
        total += Stat();
        total += Exe();
        total += Cwd();
        total += (int)Status();
        return total;
    }

    [Benchmark]
    public bool GoneProcess() => _reader.TryReadArguments(int.MaxValue, out _);
}
