using System.Collections.Concurrent;
using System.Diagnostics;
using Tracing.StormBench.Bpf;
using Tracing.StormBench.Storm;

namespace Tracing.StormBench.Tracers;

/// <summary>
/// One running tracer. It is started through <c>sh -c 'exec env ...'</c> so that the pid we measure and signal is
/// the tracer's own (env and chrt exec too), with stderr kept in a file for the log.
/// </summary>
internal sealed partial class TracerSession : IDisposable
{
    private static readonly TimeSpan s_poll = TimeSpan.FromMilliseconds(100);
    private static readonly ConcurrentDictionary<int, TracerSession> s_live = new();
    private readonly TracerSpec _spec;
    private readonly Process _process;
    private readonly string _outputPath;
    private readonly string _errorPath;
    private readonly List<OutputLine> _pipeLines = [];
    private readonly Thread? _pipeReader;
    private readonly long _started = Stopwatch.GetTimestamp();

    private TracerSession(TracerSpec spec, string directory)
    {
        _spec = spec;
        _outputPath = Path.Combine(directory, $"{spec.Name}.out");
        _errorPath = Path.Combine(directory, $"{spec.Name}.err");
        File.Delete(_outputPath);
        var redirect = spec.Output == TracerOutput.Stdout ? ">\"$STORM_OUT\"" : spec.Output == TracerOutput.Pipe ? string.Empty : ">/dev/null";
        var start = new ProcessStartInfo("/bin/sh")
        {
            RedirectStandardOutput = spec.Output == TracerOutput.Pipe,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        // A harness started in the background (nohup ... &) inherits SIGINT ignored, which its children would keep,
        // and sh may not reset an ignored signal: env does, so SIGINT stops the tracer as it would from a terminal.
        start.ArgumentList.Add($"exec env --default-signal=INT \"$@\" {redirect} 2>\"$STORM_ERR\"");
        start.ArgumentList.Add("sh");
        foreach (var argument in spec.Command)
        {
            start.ArgumentList.Add(argument == "{out}" ? _outputPath : argument);
        }

        foreach (var (name, value) in spec.Environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        start.Environment["STORM_OUT"] = _outputPath;
        start.Environment["STORM_ERR"] = _errorPath;
        _process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {spec.Name}.");
        s_live[_process.Id] = this;
        if (spec.Output == TracerOutput.Pipe)
        {
            _pipeReader = new Thread(ReadPipe) { IsBackground = true, Name = "pipe reader" };
            _pipeReader.Start();
        }
    }

    public int Pid => _process.Id;

    public static TracerSession Start(TracerSpec spec, string directory) => new(spec, directory);

    /// <summary>On Ctrl-C: leave no tracer behind.</summary>
    public static void KillAll()
    {
        foreach (var pid in s_live.Keys)
        {
            Interop.Libc.Kill(pid, Interop.Libc.SIGKILL);
        }
    }

    /// <summary>Waits until the tracer is listening; false when it died or never became ready.</summary>
    public bool WaitReady(string runId)
    {
        var deadline = TimeSpan.FromSeconds(30);
        while (ProcStat.TryReadComm(Pid) != _spec.ProcessName)
        {
            if (_process.HasExited || Stopwatch.GetElapsedTime(_started) > deadline)
            {
                return false;
            }

            Thread.Sleep(10);
        }

        if (!_spec.ProbeReady)
        {
            Thread.Sleep(_spec.ReadyDelay);
            return !_process.HasExited;
        }

        var probe = Markers.Prefix($"{runId}ready");
        while (!OutputContains(probe))
        {
            if (_process.HasExited || Stopwatch.GetElapsedTime(_started) > deadline)
            {
                return false;
            }

            Spawner.Run($"{runId}ready", 1, 1);
            Thread.Sleep(s_poll);
        }

        // Let the first-event work (JIT, flush) settle before measuring CPU.
        Thread.Sleep(TimeSpan.FromMilliseconds(300));
        return !_process.HasExited;
    }

    public double CpuSeconds() => ProcStat.TryReadCpuSeconds(Pid, out var seconds) ? seconds : double.NaN;

    public double LiveThreadsCpuSeconds() => ProcStat.TryReadLiveThreadsCpuSeconds(Pid, out var seconds) ? seconds : double.NaN;

    /// <summary>utime and stime in clock ticks, the kernel's user/kernel split; (NaN, NaN) when the process is gone.</summary>
    public (double User, double System) CpuTicks() => ProcStat.TryReadCpuTicks(Pid, out var user, out var system) ? (user, system) : (double.NaN, double.NaN);

    /// <summary>The in-kernel run time and count of the eBPF programs whose fds the tracer holds; null when it is gone.</summary>
    public BpfRunTotals? BpfTotals() => BpfRunTotals.TryRead(Pid, out var totals) ? totals : null;

    public long RssKiB() => ProcStat.TryReadRssKiB(Pid, out var kib) ? kib : 0;

    /// <summary>Waits until neither the tracer's CPU time nor its output has moved for half a second.</summary>
    public void WaitQuiet()
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(20 * Stopwatch.Frequency);
        (double Cpu, long Size) last = (-1, -1);
        var quietPolls = 0;
        while (quietPolls < 5 && Stopwatch.GetTimestamp() < deadline && !_process.HasExited)
        {
            Thread.Sleep(s_poll);
            var now = (CpuSeconds(), OutputSize());
            quietPolls = now == last ? quietPolls + 1 : 0;
            last = now;
        }
    }

    /// <summary>SIGINT, then waits up to 10 s (SIGKILL after that).</summary>
    /// <returns>How long it took to exit, and whether it had to be killed.</returns>
    public (TimeSpan Elapsed, bool Killed) Stop()
    {
        var started = Stopwatch.GetTimestamp();
        Interop.Libc.Kill(Pid, Interop.Libc.SIGINT);
        var killed = false;
        if (!_process.WaitForExit(TimeSpan.FromSeconds(10)))
        {
            Interop.Libc.Kill(Pid, Interop.Libc.SIGKILL);
            _process.WaitForExit();
            killed = true;
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        _pipeReader?.Join(TimeSpan.FromSeconds(10));
        return (elapsed, killed);
    }

    public string ReadDiagnostics() => File.Exists(_errorPath) ? File.ReadAllText(_errorPath) : string.Empty;

    public void Dispose()
    {
        s_live.TryRemove(Pid, out _);
        if (!_process.HasExited)
        {
            Interop.Libc.Kill(Pid, Interop.Libc.SIGKILL);
            _process.WaitForExit();
        }

        _process.Dispose();
    }
}
