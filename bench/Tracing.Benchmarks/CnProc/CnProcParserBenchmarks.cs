using System.Reflection;
using BenchmarkDotNet.Attributes;
using Tracing.Linux.CnProc;
using Tracing.Ports;

namespace Tracing.Benchmarks.CnProc;

/// <summary>Parsing recorded proc connector datagrams; one event per datagram, as the kernel sends them.</summary>
[MemoryDiagnoser]
public class CnProcParserBenchmarks
{
    private byte[] _fork = [];
    private byte[] _exec = [];
    private byte[] _exit = [];
    private byte[] _comm = [];
    private byte[] _multi = [];

    [GlobalSetup]
    public void Setup()
    {
        var fixtures = Path.Combine(
            typeof(CnProcParserBenchmarks).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "TracingFixturesDir").Value!,
            "cn_proc");
        _fork = File.ReadAllBytes(Path.Combine(fixtures, "feed", "0004-fork.bin"));
        _exec = File.ReadAllBytes(Path.Combine(fixtures, "feed", "0002-exec.bin"));
        _exit = File.ReadAllBytes(Path.Combine(fixtures, "feed", "0009-exit.bin"));
        _comm = File.ReadAllBytes(Path.Combine(fixtures, "feed", "0003-comm.bin"));
        _multi = File.ReadAllBytes(Path.Combine(fixtures, "synth", "multi-3.bin"));
    }

    [Benchmark]
    public int Fork() => ParseAll(_fork);

    [Benchmark]
    public int Exec() => ParseAll(_exec);

    [Benchmark]
    public int Exit() => ParseAll(_exit);

    [Benchmark]
    public int Comm() => ParseAll(_comm);

    [Benchmark]
    public int ThreeMessages() => ParseAll(_multi);

    [Benchmark]
    public long ExitParseAndMap()
    {
        var reader = new CnProcMessageReader(_exit);
        long sum = 0;
        while (reader.TryRead(out var message))
        {
            if (message.HasProcEvent && CnProcEventMapper.TryToKernelEvent(message.Event, out KernelEvent e))
            {
                sum += e.Tgid + e.ExitCode;
            }
        }

        return sum;
    }

    private static int ParseAll(byte[] datagram)
    {
        var reader = new CnProcMessageReader(datagram);
        var sum = 0;
        while (reader.TryRead(out var message))
        {
            sum += message.Event.ProcessTgid;
        }

        return sum;
    }
}
