using System.Text;
using System.Text.Unicode;
using Tracing.Events;
using Tracing.Ports;

namespace Tracing.Tracer.Session;

/// <summary>Makes the event of a failed exec from what the source captured of it.</summary>
internal static class FailedExecEvents
{
    /// <summary>The kernel's command name is at most this many bytes (TASK_COMM_LEN less its NUL).</summary>
    private const int CommandNameBytes = 15;

    /// <summary>The event of <paramref name="kernelEvent"/>, a <see cref="KernelEventKind.ExecFailed"/>.</summary>
    public static ExecFailedEvent Create(TracerContext context, in KernelEvent kernelEvent)
    {
        var capture = kernelEvent.Capture;
        var path = capture?.Path ?? ReadOnlyMemory<byte>.Empty;
        var valid = Utf8.IsValid(path.Span);
        var arguments = capture?.Arguments;
        var identity = capture?.Identity;
        return new ExecFailedEvent
        {
            Pid = kernelEvent.Tgid,
            ParentPid = kernelEvent.ParentTgid != 0 ? kernelEvent.ParentTgid : identity?.ParentPid ?? 0,
            KernelTimestampNs = kernelEvent.TimestampNs,
            Time = context.ToWallClock(kernelEvent.TimestampNs),
            Path = Encoding.UTF8.GetString(path.Span),
            PathBytes = valid || path.IsEmpty ? null : path,
            Arguments = arguments ?? ProcessArguments.Empty,
            ArgvSource = arguments is null ? ArgvSource.None : capture!.ArgumentsTruncated ? ArgvSource.Truncated : ArgvSource.Complete,
            Errno = capture?.Errno ?? 0,
            ErrorName = capture?.ErrorName,
            CommandName = capture?.CommandName,
            RealUid = identity?.Credentials.RealUid,
            EffectiveUid = identity?.Credentials.EffectiveUid,
        };
    }

    /// <summary>
    /// The command name the program would have had (the path's last part, cut to 15 bytes as the kernel cuts it), which
    /// command-name conditions are tested against; null for an empty path.
    /// </summary>
    public static string? WouldBeCommandName(ReadOnlySpan<byte> path)
    {
        var slash = path.LastIndexOf((byte)'/');
        var name = slash < 0 ? path : path[(slash + 1)..];
        if (name.IsEmpty)
        {
            return null;
        }

        return Encoding.UTF8.GetString(name[..Math.Min(name.Length, CommandNameBytes)]);
    }
}
