namespace Tracing.Events;

/// <summary>
/// A process called <c>execve</c> and it failed: the program was not started, and the caller goes on with its own
/// (a command not found, not executable, a bad interpreter). Reported when asked
/// (<see cref="Tracer.ExecTracingOptions.IncludeFailedExecs"/>) by a source that sees it (Linux's eBPF source).
/// <see cref="TraceEvent.Pid"/> is the caller's.
/// </summary>
public sealed record ExecFailedEvent : TraceEvent
{
    /// <summary>The caller's parent process id; 0 when unknown.</summary>
    public int ParentPid { get; init; }

    /// <summary>The path the caller gave, as it gave it (maybe relative); U+FFFD for bytes that are not UTF-8.</summary>
    public string Path { get; init; } = string.Empty;

    /// <summary>The path's exact bytes, only when they are not valid UTF-8; null otherwise.</summary>
    public ReadOnlyMemory<byte>? PathBytes { get; init; }

    /// <summary>The argv the caller passed, as far as it could be read (see <see cref="ArgvSource"/>).</summary>
    public ProcessArguments Arguments { get; init; } = ProcessArguments.Empty;

    /// <summary>
    /// <see cref="Events.ArgvSource.Complete"/>, <see cref="Events.ArgvSource.Truncated"/> (cut at the size limit), or
    /// <see cref="Events.ArgvSource.None"/> (its memory could not be read: an unmapped or non-resident page).
    /// </summary>
    public ArgvSource ArgvSource { get; init; }

    /// <summary>The error number execve returned (positive: 2 for ENOENT).</summary>
    public int Errno { get; init; }

    /// <summary>The error's symbolic name (<c>ENOENT</c>); null when the number has none known.</summary>
    public string? ErrorName { get; init; }

    /// <summary>The caller's command name (<c>comm</c>), which the failed exec left as it was.</summary>
    public string? CommandName { get; init; }

    /// <summary>The caller's real user id, when captured.</summary>
    public uint? RealUid { get; init; }

    /// <summary>The caller's effective user id, when captured.</summary>
    public uint? EffectiveUid { get; init; }
}
