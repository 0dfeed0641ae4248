namespace Tracing.Events;

/// <summary>A program was started: a process called <c>execve</c>.</summary>
public sealed record ExecEvent : TraceEvent
{
    /// <summary>The parent process id (from the fork that created it, else from <c>/proc</c>); 0 when unknown.</summary>
    public int ParentPid { get; init; }

    /// <summary>The executable's path, when it could be read.</summary>
    public string? ExecutablePath { get; init; }

    /// <summary>
    /// The executable path's exact bytes, only when they are not valid UTF-8 (<see cref="ExecutablePath"/> then holds
    /// U+FFFD in their place); null otherwise.
    /// </summary>
    public ReadOnlyMemory<byte>? ExecutablePathBytes { get; init; }

    /// <summary>The kernel's command name (<c>comm</c>, at most 15 bytes), when it could be read.</summary>
    public string? CommandName { get; init; }

    /// <summary>The full argv.</summary>
    public ProcessArguments Arguments { get; init; } = ProcessArguments.Empty;

    /// <summary>Whether <see cref="Arguments"/> is the whole argv or a fallback.</summary>
    public ArgvSource ArgvSource { get; init; }

    /// <summary>The working directory, when it could be read.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>
    /// The working directory's exact bytes, only when they are not valid UTF-8 (<see cref="WorkingDirectory"/> then
    /// holds U+FFFD in their place); null otherwise.
    /// </summary>
    public ReadOnlyMemory<byte>? WorkingDirectoryBytes { get; init; }

    /// <summary>The real user id, when it could be read.</summary>
    public uint? RealUid { get; init; }

    /// <summary>The effective user id, when it could be read.</summary>
    public uint? EffectiveUid { get; init; }

    /// <summary>The name of <see cref="RealUid"/> in the process's own root file system (a container's own users); null when it has none there or was not read.</summary>
    public string? UserName { get; init; }

    /// <summary>The container the process belongs to; null for a host process, or when not read (<see cref="Tracer.ExecDetails.Container"/>).</summary>
    public ContainerInfo? Container { get; init; }

    /// <summary>
    /// The pid as the process itself sees it, in its own pid namespace (1 for a container's first process); read for a
    /// process in a container, null for a host process (whose pid as the host sees it is <see cref="TraceEvent.Pid"/>).
    /// </summary>
    public int? NamespacePid { get; init; }

    /// <summary>
    /// The environment as the process got it at exec (<c>NAME=value</c> entries, byte-exact, in the same shape as
    /// <see cref="Arguments"/>), when asked (<see cref="Tracer.ExecDetails.Environment"/>) and read; null when not asked,
    /// or asked and not readable (then <see cref="EnvironmentUnavailable"/> is true).
    /// </summary>
    public ProcessArguments? Environment { get; init; }

    /// <summary>
    /// True when the environment was asked for but could not be read: the process was gone, or the tracer may not read
    /// it (another user's process without root). False when it was read, or not asked.
    /// </summary>
    public bool EnvironmentUnavailable { get; init; }

    /// <summary>
    /// How many forks below the scope's top the process is, when asked (<see cref="Tracer.ExecDetails.Depth"/>): 0 for
    /// the top (the root of a process-tree scope, the command of a command scope; pid 1, and any process without a
    /// parent, for a scope without a root), 1 for its children, and so on. Counted along the forks that made the process,
    /// so a process adopted by a subreaper or init keeps the depth it was born at. Null when not asked or not known.
    /// </summary>
    public int? Depth { get; init; }
    /// <summary>
    /// The process this exec descends from among those this tracer reported: the process itself when it exec'd before
    /// (the new program replaces the one reported), else its nearest ancestor whose exec was reported (its parent, or
    /// the parent's parent when the parent forked without exec'ing, and so on). Null when none was: the process's tree
    /// began before tracing started or outside the scope, or the tracer keeps no process tree (it keeps one with exits,
    /// depths, or a process-tree or command scope). This is what makes processes into a tree of spans.
    /// </summary>
    public int? TracedParentPid { get; init; }

    /// <summary>
    /// The process's cgroup (v2) as <c>/proc/PID/cgroup</c> names it, e.g. <c>0::/system.slice/foo.service</c>, when asked
    /// (<see cref="Tracer.ExecDetails.Cgroup"/>) and the process was in a unified hierarchy; else null.
    /// </summary>
    public string? Cgroup { get; init; }
}
