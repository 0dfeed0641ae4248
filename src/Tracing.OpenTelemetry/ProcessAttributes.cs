namespace Tracing.OpenTelemetry;

/// <summary>
/// The attribute names of exec telemetry: the OpenTelemetry semantic conventions' where they have one, <c>tracing.*</c>
/// for what they do not name (docs/fleet.md lists both).
/// </summary>
internal static class ProcessAttributes
{
    public const string Pid = "process.pid";
    public const string ParentPid = "process.parent_pid";
    public const string NamespacePid = "process.vpid";
    public const string ExecutableName = "process.executable.name";
    public const string ExecutablePath = "process.executable.path";
    public const string CommandArgs = "process.command_args";
    public const string ArgsCount = "process.args_count";
    public const string WorkingDirectory = "process.working_directory";
    public const string UserId = "process.user.id";
    public const string RealUserId = "process.real_user.id";
    public const string RealUserName = "process.real_user.name";
    public const string ExitCode = "process.exit.code";
    public const string Cgroup = "process.linux.cgroup";
    public const string ContainerId = "container.id";
    public const string ContainerName = "container.name";
    public const string ContainerRuntime = "container.runtime.name";
    public const string ErrorType = "error.type";

    public const string ExecutablePathBase64 = "tracing.process.executable.path_base64";
    public const string CommandArgsBase64 = "tracing.process.command_args_base64";
    public const string WorkingDirectoryBase64 = "tracing.process.working_directory_base64";
    public const string ArgvSource = "tracing.process.argv_source";
    public const string ExitSignal = "tracing.process.exit.signal";
    public const string CoreDumped = "tracing.process.core_dumped";
    public const string Lifetime = "tracing.process.lifetime";
    public const string SpanEnd = "tracing.process.span_end";
    public const string TracerName = "tracing.tracer.name";
}
