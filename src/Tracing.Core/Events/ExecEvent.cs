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
}
