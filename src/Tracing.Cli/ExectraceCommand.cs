using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using Tracing.Cli.Output;
using Tracing.Cli.Running;
using Tracing.Tracer;

namespace Tracing.Cli;

/// <summary>exectrace's command line: its options, its help (with the exit codes), and what each parse leads to.</summary>
internal static class ExectraceCommand
{
    /// <summary>Parses <paramref name="args"/> and runs what they ask; returns the exit code (<see cref="ExitCodes"/>).</summary>
    public static async Task<int> InvokeAsync(string[] args, InvocationConfiguration configuration)
    {
        var root = Create();
        // Words are taken as given: `@file` is not read as a response file.
        var parseResult = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        var errors = UsageErrors.Of(args, parseResult, root.Arguments.OfType<Argument<string[]>>().Single());
        if (errors.Count > 0)
        {
            // One voice and one code for every usage error (System.CommandLine's own would exit 1).
            foreach (var error in errors)
            {
                await configuration.Error.WriteLineAsync(TerminalText.Printable($"exectrace: {error}")).ConfigureAwait(false);
            }

            await configuration.Error.WriteLineAsync("Try 'exectrace --help'.").ConfigureAwait(false);
            return ExitCodes.UsageError;
        }

        return await parseResult.InvokeAsync(configuration).ConfigureAwait(false);
    }

    public static RootCommand Create()
    {
        var pid = new Option<int?>("--pid", "-p")
        {
            Description = "Trace this process and all its descendants, including those that already exist.",
            CustomParser = PidParser.Parse,
        };
        var cgroup = new Option<string?>("--cgroup") { Description = "Trace processes in this cgroup or below it, e.g. /sys/fs/cgroup/system.slice/foo.service (v2) or /sys/fs/cgroup/cpu/foo (v1: that hierarchy only); a path outside /sys/fs/cgroup, e.g. /foo, is matched in every hierarchy." };
        var container = new Option<string?>("--container") { Description = "Trace every process in this running container (name, id or id prefix), those entered with docker/podman exec too; ends when it stops. Found through the engine's API socket (--engine-socket, DOCKER_HOST, /var/run/docker.sock, /run/podman/podman.sock), or an id in the processes' cgroups." };
        var engineSocket = new Option<string?>("--engine-socket") { Description = "The container engine's API socket to ask for container names (Docker's API; podman serves it too)." };
        var noContainer = new Option<bool>("--no-container") { Description = "Do not say which container each process runs in (one read of its cgroups less per exec)." };
        var json = new Option<bool>("--json") { Description = "Print JSON Lines, one object per event." };
        var exits = new Option<bool>("--exits", "-t") { Description = "Also print exits, with status and duration." };
        var output = new Option<string?>("--output", "-o") { Description = "Write events to this file instead of stdout (in batches at most 0.1 s apart; all of them on exit)." };
        var cwd = new Option<bool>("--cwd", "-d") { Description = "Show each process's working directory (text output; JSON always has it)." };
        var user = new Option<bool>("--user", "-u") { Description = "Show each process's user id (text output; JSON always has it)." };
        var exe = new Option<bool>("--exe", "-l") { Description = "Show each executable's full path in place of argv[0] (text output, as extrace -l; JSON always has exe)." };
        var env = new Option<bool>("--env", "-e") { Description = "Show each process's environment: after argv in text ([env] NAME=value ..., quoted like argv), env in JSON. Not read otherwise." };
        var tree = new Option<bool>("--tree") { Description = "Indent each exec two spaces per level below the traced root (the command, -p's pid, or pid 1); JSON gets depth." };
        var follow = new Option<bool>("--follow", "-f") { Description = "With -- COMMAND: trace until the last process of its subtree has ended (daemons it leaves behind too), not only the command; the exit code is still the command's." };
        var comm = new Option<string[]>("--comm")
        {
            Description = "Report only execs whose command name (the kernel's comm: the executable's file name, at most 15 bytes, not argv[0]) is NAME, exactly; repeat for several. Other processes are still followed, so what they start is reported when it matches.",
            HelpName = "NAME",
        };
        var uid = new Option<string[]>("--uid")
        {
            Description = "Report only execs whose real user is UID or USER (a name from /etc/passwd); repeat for several. With --comm, both must hold.",
            HelpName = "UID|USER",
        };
        var otlp = new Option<string?>("--otlp")
        {
            Description = "Also send every exec and exit to an OpenTelemetry collector as log records, and each program as a span (exec to exit, under its parent's): a traced command is one trace. ENDPOINT is the collector's base URL (default: OTEL_EXPORTER_OTLP_ENDPOINT, else http://localhost:4317, or :4318 for OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf). Honours OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES. Output goes on as asked (-o /dev/null for none).",
            HelpName = "ENDPOINT",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var otlpArgs = new Option<bool>("--otlp-args") { Description = "With --otlp: send each process's whole argv (process.command_args). Not sent by default: argv may hold secrets, and telemetry leaves the host." };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "With --otlp: print no events, only send them (an agent's way; losses are still said on stderr)." };
        var failed = new Option<bool>("--failed", "-x") { Description = "Also print execs that failed (as execsnoop -x): the path, argv and error, e.g. ENOENT for a command not found. Needs the eBPF source." };
        var source = new Option<string>("--source")
        {
            Description = "The kernel event source: auto (default: eBPF when the kernel and privileges allow it, else the proc connector, with a warning that says why), bpf (argv captured in the kernel at the exec, so never lost to a process that ends at once; sees failed execs; needs CAP_BPF and CAP_PERFMON) or proc-connector (needs CAP_NET_ADMIN).",
            DefaultValueFactory = _ => "auto",
        };
        source.AcceptOnlyFromAmong("auto", "bpf", "proc-connector");
        var command = new Argument<string[]>("command")
        {
            Description = "After --: a command to run and trace with its whole subtree; exectrace exits with its exit code.",
            Arity = ArgumentArity.ZeroOrMore,
        };

        var root = new RootCommand(
            "Reports every program started on this machine, in a process tree, a cgroup, a container, or a command it runs: " +
            "pid, parent and full argv, and the container each runs in. Ctrl-C stops. Under systemd (Type=notify) it sends READY=1 once tracing is live.")
        {
            pid, cgroup, container, engineSocket, noContainer, comm, uid, json, exits, output, cwd, user, exe, env, tree, follow, otlp, otlpArgs, quiet, failed, source, command,
        };

        foreach (var help in root.Options.OfType<HelpOption>())
        {
            help.Action = new ExitCodesHelpAction((SynchronousCommandLineAction)help.Action!);
        }

        root.SetAction((parseResult, _) => TraceRunner.RunAsync(
            new TraceSettings
            {
                Pid = parseResult.GetValue(pid),
                Cgroup = parseResult.GetValue(cgroup),
                Container = parseResult.GetValue(container),
                EngineSocket = parseResult.GetValue(engineSocket),
                AttributeContainers = !parseResult.GetValue(noContainer),
                Json = parseResult.GetValue(json),
                Exits = parseResult.GetValue(exits),
                OutputPath = parseResult.GetValue(output),
                ShowWorkingDirectory = parseResult.GetValue(cwd),
                ShowUser = parseResult.GetValue(user),
                ShowExecutable = parseResult.GetValue(exe),
                ShowEnvironment = parseResult.GetValue(env),
                Tree = parseResult.GetValue(tree),
                Follow = parseResult.GetValue(follow),
                Command = parseResult.GetValue(command) ?? [],
                CommandNames = parseResult.GetValue(comm) ?? [],
                Users = parseResult.GetValue(uid) ?? [],
                Otlp = parseResult.GetResult(otlp) is not null,
                OtlpEndpoint = parseResult.GetValue(otlp),
                OtlpArgs = parseResult.GetValue(otlpArgs),
                Quiet = parseResult.GetValue(quiet),
                FailedExecs = parseResult.GetValue(failed),
                Source = SourceNamed(parseResult.GetValue(source)),
            },
            parseResult.InvocationConfiguration.Error));
        return root;
    }

    private static ExecTracingSource SourceNamed(string? name) => name switch
    {
        "bpf" => ExecTracingSource.Bpf,
        "proc-connector" => ExecTracingSource.ProcConnector,
        _ => ExecTracingSource.Auto,
    };
}
