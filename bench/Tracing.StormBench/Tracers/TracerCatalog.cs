namespace Tracing.StormBench.Tracers;

/// <summary>exectrace (and its OTLP export) and the anchors of issue 3: extrace and forkstat, default and real-time.</summary>
internal static class TracerCatalog
{
    public const string InstallHint = "apt-get install -y extrace forkstat";

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
        List<TracerSpec> all =
        [
            new("exectrace-text", "exectrace", [exectracePath, "-o", "{out}"], "exectrace", TracerOutput.FileArgument, text, TimeSpan.FromSeconds(1.5), ProbeReady: true),
            new("exectrace-text-nocontainer", "exectrace", [exectracePath, "--no-container", "-o", "{out}"], "exectrace", TracerOutput.FileArgument, text, TimeSpan.FromSeconds(1.5), ProbeReady: true),
            new("exectrace", "exectrace", [exectracePath, "--json", "-o", "{out}"], "exectrace", TracerOutput.FileArgument, json, TimeSpan.FromSeconds(1.5), ProbeReady: true),
            new("exectrace-nocontainer", "exectrace", [exectracePath, "--json", "--no-container", "-o", "{out}"], "exectrace", TracerOutput.FileArgument, json, TimeSpan.FromSeconds(1.5), ProbeReady: true),
            new("exectrace-aot", "exectrace", [aot, "-o", "{out}"], "exectrace", TracerOutput.FileArgument, text, TimeSpan.FromSeconds(1.5), ProbeReady: true),
            new("exectrace-aot-json", "exectrace", [aot, "--json", "-o", "{out}"], "exectrace", TracerOutput.FileArgument, json, TimeSpan.FromSeconds(1.5), ProbeReady: true),
            new("exectrace-otlp", "exectrace", [exectracePath, "--json", "-o", "{out}", "--otlp", otlp], "exectrace", TracerOutput.FileArgument, json, TimeSpan.FromSeconds(1.5), ProbeReady: true, httpProtobuf, ExportsOtlp: true),
            new("exectrace-aot-otlp", "exectrace", [aot, "--json", "-o", "{out}", "--otlp", otlp], "exectrace", TracerOutput.FileArgument, json, TimeSpan.FromSeconds(1.5), ProbeReady: true, httpProtobuf, ExportsOtlp: true),
            new("exectrace-pipe", "exectrace", [exectracePath, "--json"], "exectrace", TracerOutput.Pipe, json, TimeSpan.FromSeconds(1.5), ProbeReady: true),
            new("extrace", "extrace", ["extrace", "-o", "{out}"], "extrace", TracerOutput.FileArgument, extrace, half, ProbeReady: false),
            new("extrace-rt", "extrace", ["chrt", "-f", "50", "extrace", "-o", "{out}"], "extrace", TracerOutput.FileArgument, extrace, half, ProbeReady: false),
            new("forkstat", "forkstat", ["forkstat", "-e", "exec"], "forkstat", TracerOutput.Stdout, forkstat, half, ProbeReady: false),
            new("forkstat-rt", "forkstat", ["forkstat", "-r", "-e", "exec"], "forkstat", TracerOutput.Stdout, forkstat, half, ProbeReady: false),
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
