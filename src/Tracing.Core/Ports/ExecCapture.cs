using Tracing.Events;

namespace Tracing.Ports;

/// <summary>
/// What a source captured of an exec in the kernel, at the exec (Linux's eBPF source): argv as the kernel copied it
/// into the new program, the command name, parent, user ids and cgroup. The tracer takes these instead of reading the
/// process, which may be gone by then; what is null was not captured and is read as for any other source. For a
/// failed exec (<see cref="KernelEventKind.ExecFailed"/>), the path and argv the caller passed and the error.
/// </summary>
public sealed class ExecCapture
{
    /// <summary>The argv; null when it could not be captured (the tracer then reads it).</summary>
    public ProcessArguments? Arguments { get; init; }

    /// <summary>
    /// True when the argv was longer than the source's size limit: <see cref="Arguments"/> holds its beginning, cut
    /// there (never silently short).
    /// </summary>
    public bool ArgumentsTruncated { get; init; }

    /// <summary>The kernel's command name (<c>comm</c>) after the exec; null when not captured.</summary>
    public string? CommandName { get; init; }

    /// <summary>Parent, user ids and unified cgroup id at the exec; null when not captured.</summary>
    public ProcessIdentity? Identity { get; init; }

    /// <summary>The path the caller gave <c>execve</c>, byte-exact (relative as given); empty when not captured.</summary>
    public ReadOnlyMemory<byte> Path { get; init; }

    /// <summary>For a failed exec: the error number it returned (positive, e.g. 2); 0 otherwise.</summary>
    public int Errno { get; init; }

    /// <summary>For a failed exec: the error's symbolic name (<c>ENOENT</c>); null when unknown or not failed.</summary>
    public string? ErrorName { get; init; }
}
