using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using Tracing.Linux.ProcFs;

namespace Tracing.Benchmarks.ProcFs;

/// <summary>
/// The container reads for one exec: the namespace pid, for a host process (one readlink) and for the first process of
/// a pid namespace made by unshare (readlink and status), and the user name from a cached passwd (one statx).
/// Needs root (unshare --pid).
/// </summary>
[MemoryDiagnoser]
public class ProcFsReaderContainerBenchmarks
{
    private readonly ProcFsReader _reader = new();
    private readonly int _hostPid = Environment.ProcessId;
    private Process? _namespaced;
    private int _namespacedPid;

    [GlobalSetup]
    public void StartNamespacedProcess()
    {
        _namespaced = Process.Start(new ProcessStartInfo(
            "unshare", ["--pid", "--fork", "/bin/sh", "-c", "read h rest < /proc/self/stat; echo $h; exec sleep 1000"])
        {
            RedirectStandardOutput = true,
        })!;
        _namespacedPid = int.Parse(_namespaced.StandardOutput.ReadLine()!, CultureInfo.InvariantCulture);
        _reader.TryReadUserName(_hostPid, 0, out _);
    }

    [GlobalCleanup]
    public void StopNamespacedProcess()
    {
        _namespaced?.Kill(entireProcessTree: true);
        _namespaced?.Dispose();
    }

    [Benchmark]
    public int NamespacePidHost() => _reader.TryReadNamespacePid(_hostPid, out var pid) ? pid : -1;

    [Benchmark]
    public int NamespacePidNamespaced() => _reader.TryReadNamespacePid(_namespacedPid, out var pid) ? pid : -1;

    /// <summary>What the status read alone costs, for comparison.</summary>
    [Benchmark]
    public long Status() => _reader.TryReadCredentials(_hostPid, out var credentials) ? credentials.RealUid : -1;

    [Benchmark]
    public int UserNameCached() => _reader.TryReadUserName(_hostPid, 0, out var name) ? name.Length : -1;

    [Benchmark]
    public int UserNameNamespacedCached() => _reader.TryReadUserName(_namespacedPid, 0, out var name) ? name.Length : -1;
}
