using System.Diagnostics;
using System.Globalization;
using Tracing.StormBench;
using Tracing.StormBench.Bpf;
using Tracing.StormBench.Otlp;
using Tracing.StormBench.Results;
using Tracing.StormBench.Startup;
using Tracing.StormBench.Storm;
using Tracing.StormBench.Tracers;

var log = Console.Error;
var options = BenchOptions.Parse(args, log);
if (options is null)
{
    return 2;
}

if (Environment.UserName != "root")
{
    log.WriteLine("warning: not root; the proc connector and the anchors need root (or CAP_NET_ADMIN).");
}

// The anchors' output is discarded to /dev/null: were it a file (something replaced it once on this machine),
// every write would cost them a filesystem write and their figures would be inflated.
if (!Machine.DevNullDiscards())
{
    log.WriteLine("error: /dev/null keeps what is written to it (it is not the null device); restore it with: rm /dev/null && mknod -m 666 /dev/null c 1 3");
    return 1;
}

var root = RepositoryRoot.Find();
var exectrace = Path.Combine(root, "src/Tracing.Cli/bin/Release/net10.0/exectrace");
if (options.Build)
{
    log.WriteLine("Building src/Tracing.Cli in Release...");
    var buildStart = new ProcessStartInfo("dotnet", ["build", Path.Combine(root, "src/Tracing.Cli"), "-c", "Release", "-nologo", "-v", "q"])
    {
        RedirectStandardOutput = true, // The table alone goes to stdout.
    };
    using var build = Process.Start(buildStart)!;
    var buildOutput = build.StandardOutput.ReadToEnd();
    build.WaitForExit();
    if (build.ExitCode != 0)
    {
        log.Write(buildOutput);
        log.WriteLine(File.Exists(exectrace) ? "warning: the build failed; using the existing binary." : "error: the build failed and there is no exectrace binary.");
    }
}

if (!File.Exists(exectrace))
{
    log.WriteLine($"error: {exectrace} not found; build it with: dotnet build src/Tracing.Cli -c Release");
    return 1;
}

var storm = !options.LongOnly && !options.StartupOnly;
var startup = !options.LongOnly && options.StartupRounds > 0;
var aotWanted = startup || (storm && (options.Only is null || options.Only.Any(name => name.StartsWith("exectrace-aot", StringComparison.Ordinal))));
// Published before nesting (--depth): the nested run finds it.
var exectraceAot = aotWanted ? AotBuild.Find(root, options.Build, log) : null;

if (Nesting.RunAt(options.Depth, args, log) is { } nestedExitCode)
{
    return nestedExitCode;
}

// The -otlp rows send to a null OTLP/HTTP receiver the harness runs for the whole run (its CPU is reported apart).
using var receiver = storm && (options.Only is null || options.Only.Any(name => name.EndsWith("-otlp", StringComparison.Ordinal))) ? new NullOtlpReceiver() : null;
var specs = new List<TracerSpec>();
foreach (var spec in TracerCatalog.All(exectrace, exectraceAot, receiver?.Endpoint))
{
    if (options.Only is not null && !options.Only.Contains(spec.Name))
    {
        continue;
    }

    var missing = spec.Command.Take(spec.Command[0] == "chrt" ? 4 : 1).Where(p => p != "-f" && p != "50" && TracerCatalog.FindOnPath(p) is null).ToList();
    if (missing.Count > 0)
    {
        log.WriteLine($"skipping {spec.Name}: {string.Join(", ", missing)} not installed (install with: {TracerCatalog.InstallHint})");
        continue;
    }

    specs.Add(spec);
}

var work = Directory.CreateTempSubdirectory("stormbench-").FullName;
Console.CancelKeyPress += (_, _) =>
{
    TracerSession.KillAll();
    BpfStatsSwitch.RestoreActive();
};
var invariant = CultureInfo.InvariantCulture;
var output = Console.Out;

output.WriteLine(string.Create(invariant, $"Machine: {Machine.Describe()}"));
if (storm)
{
    output.WriteLine(string.Create(invariant, $"Storm: {options.Count} × `/bin/true storm-RUNID-i` by posix_spawn, {options.Runs} run(s), medians; exectrace {exectrace}"));
    output.WriteLine(string.Create(invariant, $"Storm processes sit {Machine.StormDepth()} processes below pid 1 (extrace reads /proc/PID/stat for each ancestor of every exec it prints)."));
}

output.WriteLine();

if (storm)
{
    foreach (var inFlight in options.InFlight)
    {
        Spawner.Run(Markers.NewRunId(), Math.Min(options.Count, 500), inFlight);
        var rates = Enumerable.Range(0, 3).Select(_ => Spawner.Run(Markers.NewRunId(), options.Count, inFlight).ExecsPerSecond).ToList();
        output.WriteLine(string.Create(invariant, $"Spawn rate with no tracer, K={inFlight}: {Statistics.Median(rates):0} execs/s (runs: {string.Join(", ", rates.Select(r => r.ToString("0", invariant)))})"));
    }

    output.WriteLine();
    if (receiver is not null)
    {
        output.WriteLine($"OTLP: the -otlp rows send OTLP/HTTP (protobuf) to the harness's null receiver at {receiver.Endpoint}");
        output.WriteLine();
    }

    var runner = new StormRunner(work, log, receiver);
    var results = new List<RunResult>();
    foreach (var inFlight in options.InFlight)
    {
        for (var run = 1; run <= options.Runs; run++)
        {
            log.WriteLine(string.Create(invariant, $"K={inFlight} run {run}/{options.Runs}"));
            WarnAboutBystanders();
            // Every tracer once per round, so drift in the machine's load spreads over all of them.
            foreach (var spec in specs)
            {
                if (runner.Run(spec, options.Count, inFlight, run) is { } result)
                {
                    results.Add(result);
                }
            }
        }
    }

    output.WriteLine(MarkdownTable.Render(results, specs));
    output.Write(MarkdownTable.RenderRatios(results));
    output.Write(OtlpSummary.Render(results));
    output.Write(BpfSummary.Render(results));
    output.WriteLine();
}

if (startup)
{
    var extrace = TracerCatalog.FindOnPath("extrace");
    // Each source named: auto would take eBPF as root, and the rows measured before issue 17 are the proc connector's.
    List<StartupSubject> subjects =
    [
        new("/bin/true alone", ["/bin/true"]),
        new("exectrace (JIT)", [exectrace, "--source", "proc-connector", "--", "/bin/true"]),
        new("exectrace --source bpf (JIT)", [exectrace, "--source", "bpf", "--", "/bin/true"]),
    ];
    if (exectraceAot is not null)
    {
        subjects.Add(new("exectrace (AOT)", [exectraceAot, "--source", "proc-connector", "--", "/bin/true"]));
        subjects.Add(new("exectrace --source bpf (AOT)", [exectraceAot, "--source", "bpf", "--", "/bin/true"]));
    }

    if (extrace is null)
    {
        log.WriteLine($"warning: extrace not installed ({TracerCatalog.InstallHint}); the start-up section has no anchor.");
    }
    else
    {
        subjects.Add(new("extrace", [extrace, "/bin/true"]));
    }

    WarnAboutBystanders();
    if (!StartupBench.Run(subjects, options.StartupRounds, output, log))
    {
        return 1;
    }
}

if (options.LongCount > 0 && !options.StartupOnly)
{
    WarnAboutBystanders();
    LongRun.Run(TracerCatalog.All(exectrace)[0], options.LongCount, work, output, log);
}

if (options.Keep)
{
    log.WriteLine($"Output files kept in {work}");
}
else
{
    Directory.Delete(work, recursive: true);
}

return 0;

void WarnAboutBystanders()
{
    var listeners = Bystanders.ProcConnectorListeners();
    if (listeners.Count > 0)
    {
        var warning = $"warning: other proc connector listeners are running and slow every tracer measured: {string.Join(", ", listeners)}";
        log.WriteLine(warning);
        output.WriteLine(warning);
    }
}
