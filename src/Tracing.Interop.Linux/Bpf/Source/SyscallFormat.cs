using Tracing.Linux.Bpf.Attachments;
using Tracing.Linux.Bpf.Tracepoints;

namespace Tracing.Linux.Bpf.Source;

/// <summary>The record layout of a <c>syscalls</c> tracepoint, read from its format file in tracefs at start.</summary>
internal static class SyscallFormat
{
    /// <summary>The format of <c>syscalls:<paramref name="name"/></c>.</summary>
    /// <exception cref="TracingUnavailableException">The kernel has no such tracepoint (no CONFIG_FTRACE_SYSCALLS) or its format does not parse.</exception>
    public static TracepointFormat Read(string name)
    {
        var path = Path.Combine(TraceFs.Locate(), "events", "syscalls", name, "format");
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new TracingUnavailableException(
                $"The kernel has no tracepoint syscalls:{name} ({path} is missing): failed execs need CONFIG_FTRACE_SYSCALLS.", e);
        }

        return TracepointFormat.TryParse(text, out var format)
            ? format
            : throw new TracingUnavailableException($"The format of syscalls:{name} ({path}) does not parse.");
    }

    /// <summary>The offset of the 8-byte field <paramref name="field"/> in <paramref name="format"/>'s records.</summary>
    /// <exception cref="TracingUnavailableException">The record has no such 8-byte field.</exception>
    public static int Offset(TracepointFormat format, string field) =>
        format.Field(field) is { Size: 8 } found
            ? found.Offset
            : throw new TracingUnavailableException($"The tracepoint syscalls:{format.Name} has no 8-byte field '{field}' in its format.");
}
