namespace Tracing.StormBench.Tracers;

/// <summary>
/// exectrace on either source (and its OTLP export), the anchors of issue 3 (extrace and forkstat, default and
/// real-time) and issue 17's eBPF anchor, bpftrace.
/// </summary>
internal static class TracerCatalog
{
    public const string InstallHint = "apt-get install -y extrace forkstat bpftrace";

    /// <param name="exectraceAotPath">The Native AOT build, for the <c>exectrace-aot</c> rows; none without it.</param>
    /// <param name="otlpEndpoint">The harness's null OTLP receiver, for the <c>-otlp</c> rows; none without it.</param>
    public static IReadOnlyList<TracerSpec> All(string exectracePath, string? exectraceAotPath = null, Uri? otlpEndpoint = null)
    {
        var json = new ExectraceJsonParser();
        var text = ExectraceTextParser.Create();
        var extrace = ExtraceParser.Create();
        var forkstat = new ForkstatParser();
        var half = TimeSpan.FromSeconds(0.5);
        var aot = exectraceAotPath ?? "exectrace-aot";
        var otlp = otlpEndpoint?.ToString() ?? "http://127.0.0.1:4318";
        var httpProtobuf = new Dictionary<string, string> { ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf" };
        // Every exectrace row names its source: proc-connector for the rows measured since issue 3 (the default, auto,
        // would now take eBPF as root), bpf for the rows of issue 17, named as the row they mirror plus -bpf.
        TracerSpec Exectrace(string name, string path, string source, IReadOnlyList<string> arguments, TracerOutput output, IOutputParser parser, bool exportsOtlp = false) =>
            new(name, "exectrace", [path, "--source", source, .. arguments], "exectrace", output, parser, TimeSpan.FromSeconds(1.5), ProbeReady: true, exportsOtlp ? httpProtobuf : null, exportsOtlp, UsesBpf: source == "bpf");
        const string Proc = "proc-connector", Bpf = "bpf";
        var file = TracerOutput.FileArgument;
        List<TracerSpec> all =
        [
            Exectrace("exectrace-text", exectracePath, Proc, ["-o", "{out}"], file, text),
            Exectrace("exectrace-text-nocontainer", exectracePath, Proc, ["--no-container", "-o", "{out}"], file, text),
            Exectrace("exectrace", exectracePath, Proc, ["--json", "-o", "{out}"], file, json),
            Exectrace("exectrace-nocontainer", exectracePath, Proc, ["--json", "--no-container", "-o", "{out}"], file, json),
            Exectrace("exectrace-aot", aot, Proc, ["-o", "{out}"], file, text),
            Exectrace("exectrace-aot-json", aot, Proc, ["--json", "-o", "{out}"], file, json),
            Exectrace("exectrace-otlp", exectracePath, Proc, ["--json", "-o", "{out}", "--otlp", otlp], file, json, exportsOtlp: true),
            Exectrace("exectrace-aot-otlp", aot, Proc, ["--json", "-o", "{out}", "--otlp", otlp], file, json, exportsOtlp: true),
            Exectrace("exectrace-pipe", exectracePath, Proc, ["--json"], TracerOutput.Pipe, json),
            Exectrace("exectrace-text-bpf", exectracePath, Bpf, ["-o", "{out}"], file, text),
            Exectrace("exectrace-bpf", exectracePath, Bpf, ["--json", "-o", "{out}"], file, json),
            Exectrace("exectrace-aot-bpf", aot, Bpf, ["-o", "{out}"], file, text),
            Exectrace("exectrace-aot-json-bpf", aot, Bpf, ["--json", "-o", "{out}"], file, json),
            Exectrace("exectrace-pipe-bpf", exectracePath, Bpf, ["--json"], TracerOutput.Pipe, json),
            new("extrace", "extrace", ["extrace", "-o", "{out}"], "extrace", file, extrace, half, ProbeReady: false),
            new("extrace-rt", "extrace", ["chrt", "-f", "50", "extrace", "-o", "{out}"], "extrace", file, extrace, half, ProbeReady: false),
            new("forkstat", "forkstat", ["forkstat", "-e", "exec"], "forkstat", TracerOutput.Stdout, forkstat, half, ProbeReady: false),
            new("forkstat-rt", "forkstat", ["forkstat", "-r", "-e", "exec"], "forkstat", TracerOutput.Stdout, forkstat, half, ProbeReady: false),
            // bpftrace flushes its stdout at each line, so the probe exec shows when its program is attached.
            new("bpftrace", "bpftrace", ["bpftrace", "-e", BpftraceParser.Program], "bpftrace", TracerOutput.Stdout, BpftraceParser.Create(), half, ProbeReady: true, UsesBpf: true),
        ];
        return [.. all.Where(spec => (exectraceAotPath is not null || !IsAot(spec)) && (otlpEndpoint is not null || !spec.ExportsOtlp))];
    }

    public static bool IsAot(TracerSpec spec) => spec.Name.StartsWith("exectrace-aot", StringComparison.Ordinal);

    /// <summary>The label of a row in the table, as the issue writes it.</summary>
    public static string Label(TracerSpec spec) => spec.Name switch
    {
        "exectrace-text" => "exectrace (default text) `-o file`",
        "exectrace" => "exectrace `--json -o file`",
        "exectrace-text-nocontainer" => "exectrace `--no-container -o file` (text)",
        "exectrace-nocontainer" => "exectrace `--json --no-container -o file`",
        "exectrace-pipe" => "exectrace `--json` to a pipe",
        "exectrace-otlp" => "exectrace `--json -o file --otlp` (http/protobuf)",
        "exectrace-aot-otlp" => "exectrace Native AOT `--json -o file --otlp` (http/protobuf)",
        "exectrace-aot" => "exectrace Native AOT (text) `-o file`",
        "exectrace-aot-json" => "exectrace Native AOT `--json -o file`",
        "exectrace-text-bpf" => "exectrace `--source bpf -o file` (text)",
        "exectrace-bpf" => "exectrace `--source bpf --json -o file`",
        "exectrace-aot-bpf" => "exectrace Native AOT `--source bpf -o file` (text)",
        "exectrace-aot-json-bpf" => "exectrace Native AOT `--source bpf --json -o file`",
        "exectrace-pipe-bpf" => "exectrace `--source bpf --json` to a pipe",
        "bpftrace" => "bpftrace `sys_enter_execve`: pid, join(argv)",
        "extrace" => "extrace",
        "extrace-rt" => "extrace under `chrt -f 50`",
        "forkstat" => "forkstat `-e exec`",
        "forkstat-rt" => "forkstat `-r -e exec`",
        _ => spec.Name,
    };

    public static string? FindOnPath(string program)
    {
        if (program.Contains('/', StringComparison.Ordinal))
        {
            return File.Exists(program) ? program : null;
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
        return path.Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, program))
            .FirstOrDefault(File.Exists);
    }
}
