using System.Globalization;

namespace Tracing.StormBench;

/// <summary>Command-line options; see <see cref="Usage"/>.</summary>
internal sealed class BenchOptions
{
    public const string Usage = """
        Tracing.StormBench: the exec storm of issue 3, exectrace against extrace, forkstat and bpftrace in one run.

          dotnet run -c Release --project bench/Tracing.StormBench -- [options]

          --runs N          repetitions per tracer and variant; medians are reported (default 5)
          --count N         execs per storm (default 3000)
          --inflight 1,2    variants: processes kept in flight by the spawner (default 1,2)
          --only a,b        tracers to run: exectrace, exectrace-text, exectrace-pipe, exectrace-nocontainer,
                            exectrace-text-nocontainer (attribution off: its cost is the difference), exectrace-aot,
                            exectrace-aot-json (the Native AOT build, as dotnet tool install gives it on Linux),
                            exectrace-otlp, exectrace-aot-otlp (JIT and AOT, `--json -o file --otlp URL` over
                            http/protobuf to a null OTLP receiver the bench runs on 127.0.0.1; its requests, bytes per
                            exec and own CPU are reported apart, and the CPU ratio to exectrace / exectrace-aot-json),
                            extrace, extrace-rt, forkstat, forkstat-rt;
                            issue 17's eBPF source (every row above runs --source proc-connector):
                            exectrace-text-bpf, exectrace-bpf, exectrace-aot-bpf, exectrace-aot-json-bpf,
                            exectrace-pipe-bpf (--source bpf, as the row without -bpf), and the anchor bpftrace
                            (sys_enter_execve: pid and join(argv)); their rounds run with kernel.bpf_stats_enabled=1
                            and report the programs' in-kernel time per exec
          --startup N       rounds of the start-up section: `exectrace -- /bin/true`, JIT and Native AOT, against
                            `extrace /bin/true`, wall clock, CPU and peak RSS (default 20; 0: none)
          --startup-only    only the start-up section
          --long N          afterwards, a storm of N execs (e.g. 100000) under exectrace sampling its RSS every 10,000
          --long-only       only the long run
          --no-build        do not build src/Tracing.Cli in Release, nor publish it with Native AOT (into
                            artifacts/stormbench/exectrace-aot), first
          --keep            keep the tracers' output files (printed at the end)
          --depth N         run the storm N processes below pid 1, the harness included, whatever launched it
                            (shells that wait are put between; extrace reads /proc/PID/stat for every ancestor
                            of each exec, so its cost grows with the depth). Default: as launched

        Run as root. The anchors: apt-get install -y extrace forkstat bpftrace
        """;

    public int Runs { get; private set; } = 5;

    public int Count { get; private set; } = 3000;

    public IReadOnlyList<int> InFlight { get; private set; } = [1, 2];

    public IReadOnlyList<string>? Only { get; private set; }

    public int LongCount { get; private set; }

    public bool LongOnly { get; private set; }

    public int StartupRounds { get; private set; } = 20;

    public bool StartupOnly { get; private set; }

    public bool Build { get; private set; } = true;

    public bool Keep { get; private set; }

    public int? Depth { get; private set; }

    /// <summary>Parses <paramref name="args"/>; null (with a message) when they are wrong.</summary>
    public static BenchOptions? Parse(string[] args, TextWriter error)
    {
        var options = new BenchOptions();
        try
        {
            for (var i = 0; i < args.Length; i++)
            {
                string Value() => i + 1 < args.Length ? args[++i] : throw new FormatException($"{args[i]} needs a value.");
                int Number() => int.Parse(Value(), NumberStyles.None, CultureInfo.InvariantCulture) is var n and > 0 ? n : throw new FormatException($"{args[i]} must be positive.");
                switch (args[i])
                {
                    case "--runs": options.Runs = Number(); break;
                    case "--count": options.Count = Number(); break;
                    case "--long": options.LongCount = Number(); break;
                    case "--long-only": options.LongOnly = true; break;
                    case "--startup": options.StartupRounds = int.Parse(Value(), NumberStyles.None, CultureInfo.InvariantCulture); break;
                    case "--startup-only": options.StartupOnly = true; break;
                    case "--inflight": options.InFlight = [.. Value().Split(',').Select(k => int.Parse(k, NumberStyles.None, CultureInfo.InvariantCulture))]; break;
                    case "--only": options.Only = Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries); break;
                    case "--no-build": options.Build = false; break;
                    case "--keep": options.Keep = true; break;
                    case "--depth": options.Depth = Number(); break;
                    case "-h" or "--help": error.WriteLine(Usage); return null;
                    default: throw new FormatException($"Unknown option {args[i]}.");
                }
            }
        }
        catch (FormatException e)
        {
            error.WriteLine($"{e.Message}\n\n{Usage}");
            return null;
        }

        if (options.LongOnly && options.LongCount == 0)
        {
            options.LongCount = 100_000;
        }

        return options;
    }
}
