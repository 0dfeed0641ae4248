using System.Buffers;
using System.Text;
using System.Text.Json;
using Tracing.Events;

namespace Tracing.Cli.Output;

/// <summary>
/// JSON Lines with stable snake_case field names. Strings are escaped by the default encoder (everything outside
/// printable ASCII becomes <c>\uXXXX</c>), so any bytes give valid JSON and nothing raw reaches a terminal.
/// Arguments that are not valid UTF-8 are also given losslessly as <c>argv_base64</c>, and so are such paths as
/// <c>exe_base64</c> and <c>cwd_base64</c>.
/// </summary>
internal sealed class JsonEventFormatter : IEventFormatter
{
    private readonly ArrayBufferWriter<byte> _buffer = new(1024);

    public bool TryFormat(TraceEvent item, StringBuilder line)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(line);
        _buffer.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(_buffer))
        {
            writer.WriteStartObject();
            switch (item)
            {
                case ExecEvent exec:
                    WriteCommon(writer, "exec", item);
                    WriteExec(writer, exec);
                    break;
                case ExitEvent exit:
                    WriteCommon(writer, "exit", item);
                    WriteExit(writer, exit);
                    break;
                case EventsLostEvent lost:
                    WriteCommon(writer, "lost", item);
                    writer.WriteNumber("count", lost.Count);
                    writer.WriteBoolean("exact", lost.IsExact);
                    writer.WriteString("reason", lost.Reason switch
                    {
                        LossReason.KernelBufferOverflow => "kernel_buffer_overflow",
                        LossReason.SubscriberQueueFull => "subscriber_queue_full",
                        LossReason.MatchUndecided => "match_undecided",
                        _ => "scope_undecided",
                    });
                    break;
                default:
                    return false;
            }

            writer.WriteEndObject();
        }

        line.Append(Encoding.UTF8.GetString(_buffer.WrittenSpan));
        return true;
    }

    private static void WriteCommon(Utf8JsonWriter writer, string kind, TraceEvent item)
    {
        writer.WriteString("event", kind);
        writer.WriteString("time", item.Time.UtcDateTime);
        writer.WriteNumber("timestamp_ns", item.KernelTimestampNs);
        writer.WriteNumber("pid", item.Pid);
    }

    private static void WriteExec(Utf8JsonWriter writer, ExecEvent exec)
    {
        writer.WriteNumber("ppid", exec.ParentPid);
        WriteNullable(writer, "uid", exec.RealUid);
        WriteNullable(writer, "euid", exec.EffectiveUid);
        writer.WriteString("user", exec.UserName);
        WriteContainer(writer, exec.Container, exec.NamespacePid);
        writer.WriteString("exe", exec.ExecutablePath);
        WriteBase64Twin(writer, "exe_base64", exec.ExecutablePathBytes);
        writer.WriteString("comm", exec.CommandName);
        writer.WriteString("cwd", exec.WorkingDirectory);
        WriteBase64Twin(writer, "cwd_base64", exec.WorkingDirectoryBytes);
        writer.WriteStartArray("argv");
        foreach (var argument in exec.Arguments.Strings)
        {
            writer.WriteStringValue(argument);
        }

        writer.WriteEndArray();
        if (!exec.Arguments.IsValidUtf8)
        {
            writer.WriteStartArray("argv_base64");
            for (var i = 0; i < exec.Arguments.Count; i++)
            {
                writer.WriteBase64StringValue(exec.Arguments.GetRaw(i));
            }

            writer.WriteEndArray();
        }

        writer.WriteBoolean("argv_complete", exec.ArgvSource == ArgvSource.Complete);
        writer.WriteString("argv_source", exec.ArgvSource switch
        {
            ArgvSource.Complete => "cmdline",
            ArgvSource.CommandName => "comm",
            _ => "none",
        });
    }

    /// <summary>A path's exact bytes, written only when they are not valid UTF-8 (as <c>argv_base64</c> for argv).</summary>
    private static void WriteBase64Twin(Utf8JsonWriter writer, string name, ReadOnlyMemory<byte>? bytes)
    {
        if (bytes is { } raw)
        {
            writer.WriteBase64String(name, raw.Span);
        }
    }

    private static void WriteExit(Utf8JsonWriter writer, ExitEvent exit)
    {
        writer.WriteNumber("ppid", exit.ParentPid);
        writer.WriteNumber("status", exit.RawStatus);
        WriteNullable(writer, "exit_code", exit.ExitCode);
        WriteNullable(writer, "signal", exit.Signal);
        writer.WriteBoolean("core_dumped", exit.CoreDumped);
        if (exit.Lifetime is TimeSpan lifetime)
        {
            writer.WriteNumber("duration_s", Math.Round(lifetime.TotalSeconds, 6));
        }
        else
        {
            writer.WriteNull("duration_s");
        }

        writer.WriteString("comm", exit.CommandName);
        WriteContainer(writer, exit.Container, exit.NamespacePid);
    }

    /// <summary><c>container</c> (null for the host) and <c>nspid</c>, the pid as the process sees it.</summary>
    private static void WriteContainer(Utf8JsonWriter writer, ContainerInfo? container, int? namespacePid)
    {
        if (container is null)
        {
            writer.WriteNull("container");
        }
        else
        {
            writer.WriteStartObject("container");
            writer.WriteString("id", container.Id);
            writer.WriteString("name", container.Name);
            writer.WriteString("engine", container.Engine);
            writer.WriteEndObject();
        }

        WriteNullable(writer, "nspid", namespacePid);
    }

    private static void WriteNullable(Utf8JsonWriter writer, string name, uint? value)
    {
        if (value is uint v)
        {
            writer.WriteNumber(name, v);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    private static void WriteNullable(Utf8JsonWriter writer, string name, int? value)
    {
        if (value is int v)
        {
            writer.WriteNumber(name, v);
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
