using System.Globalization;
using Tracing.Tracer;

namespace Tracing.Cli.Running;

/// <summary>What the user asked exectrace to do.</summary>
internal sealed record TraceSettings
{
    public int? Pid { get; init; }

    public string? Cgroup { get; init; }

    /// <summary>A container's name, id or id prefix.</summary>
    public string? Container { get; init; }

    /// <summary>The container engine's API socket to ask (null: DOCKER_HOST, else the usual places).</summary>
    public string? EngineSocket { get; init; }

    public IReadOnlyList<string> Command { get; init; } = [];

    /// <summary>--comm: report only execs whose command name is one of these (none: every exec in scope).</summary>
    public IReadOnlyList<string> CommandNames { get; init; } = [];

    /// <summary>--uid: report only execs whose real user is one of these, each a uid or a user name (none: any user).</summary>
    public IReadOnlyList<string> Users { get; init; } = [];

    /// <summary>Whether each event says which container its process runs in (and its namespace pid).</summary>
    public bool AttributeContainers { get; init; } = true;

    public bool Json { get; init; }

    public bool Exits { get; init; }

    public string? OutputPath { get; init; }

    public bool ShowWorkingDirectory { get; init; }

    public bool ShowUser { get; init; }

    /// <summary>Text: the executable's full path in place of argv[0] (extrace -l); JSON always has it.</summary>
    public bool ShowExecutable { get; init; }

    /// <summary>Each process's environment: in text after argv, in JSON as <c>env</c>.</summary>
    public bool ShowEnvironment { get; init; }

    /// <summary>Each exec's depth below the scope's top: text indented two spaces a level, JSON <c>depth</c>.</summary>
    public bool Tree { get; init; }

    /// <summary>With a command: trace until the last process of its subtree has ended, not only the command.</summary>
    public bool Follow { get; init; }

    /// <summary>--otlp: exec and exit records and process spans to an OpenTelemetry collector too.</summary>
    public bool Otlp { get; init; }

    /// <summary>--otlp ENDPOINT: the collector's base URL; null for the environment's or the default.</summary>
    public string? OtlpEndpoint { get; init; }

    /// <summary>--otlp-args: argv in the telemetry (not sent by default).</summary>
    public bool OtlpArgs { get; init; }

    /// <summary>--quiet: no events printed (with --otlp, only sent).</summary>
    public bool Quiet { get; init; }

    /// <summary>--failed: failed execs printed too (path, argv, error).</summary>
    public bool FailedExecs { get; init; }

    /// <summary>--source: the kernel event source.</summary>
    public ExecTracingSource Source { get; init; }

    /// <summary>True when exectrace runs a command (<c>-- COMMAND</c>), traces its subtree and ends with it.</summary>
    public bool RunsCommand => Command.Count > 0;

    /// <summary>What is traced, in words, for the service manager's status line.</summary>
    /// <param name="commandPid">The command's pid, once started.</param>
    public string DescribeScope(int? commandPid) => this switch
    {
        { RunsCommand: true } => string.Create(CultureInfo.InvariantCulture, $"Tracing {Command[0]} (pid {commandPid}) and its descendants"),
        { Pid: int pid } => string.Create(CultureInfo.InvariantCulture, $"Tracing pid {pid} and its descendants"),
        { Cgroup: string cgroup } => $"Tracing cgroup {cgroup}",
        { Container: string container } => $"Tracing container {container}",
        _ => "Tracing every exec on this machine",
    };
}
