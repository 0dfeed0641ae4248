using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;
using Tracing.Events;

namespace Tracing.Cli.Output;

/// <summary>
/// JSON Lines with stable snake_case field names. Strings are escaped by the default encoder (everything outside
/// printable ASCII becomes <c>\uXXXX</c>), so any bytes give valid JSON and nothing raw reaches a terminal.
/// Arguments that are not valid UTF-8 are also given losslessly as <c>argv_base64</c>, and so are such paths as
/// <c>exe_base64</c> and <c>cwd_base64</c>, and an environment that is not as <c>env_base64</c>.
/// </summary>
/// <param name="depth">Whether <c>depth</c> is written (asked with --tree): a number, or null when not known.</param>
[SuppressMessage("Design", "CA1001", Justification = "The writer holds no resource: Dispose would only flush, which every line does.")]
internal sealed partial class JsonEventFormatter(bool depth = false) : IUtf8EventFormatter
{
    private readonly ArrayBufferWriter<byte> _buffer = new(1024);

    // One writer for every line (Reset points it at the line's buffer): a new one per line was an allocation and a
    // few hundred nanoseconds of setup per exec.
    private readonly Utf8JsonWriter _writer = new(Stream.Null);

    public bool TryFormat(TraceEvent item, StringBuilder line)
    {
        ArgumentNullException.ThrowIfNull(line);
        _buffer.ResetWrittenCount();
        if (!TryFormat(item, _buffer))
        {
            return false;
        }

        line.Append(Encoding.UTF8.GetString(_buffer.WrittenSpan));
        return true;
    }

    public bool TryFormat(TraceEvent item, IBufferWriter<byte> line)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(line);
        if (item is not (ExecEvent or ExitEvent or EventsLostEvent or ExecFailedEvent))
        {
            return false;
        }

        var writer = _writer;
        writer.Reset(line);
        try
        {
            writer.WriteStartObject();
            switch (item)
            {
                case ExecEvent exec:
                    WriteCommon(writer, Names.Exec, item);
                    WriteExec(writer, exec);
                    break;
                case ExitEvent exit:
                    WriteCommon(writer, Names.Exit, item);
                    WriteExit(writer, exit);
                    break;
                case ExecFailedEvent failed:
                    WriteCommon(writer, Names.ExecFailed, item);
                    WriteExecFailed(writer, failed);
                    break;
                case EventsLostEvent lost:
                    WriteCommon(writer, Names.Lost, item);
                    writer.WriteNumber(Names.Count, lost.Count);
                    writer.WriteBoolean(Names.Exact, lost.IsExact);
                    writer.WriteString(Names.Reason, LossReasonNames.Get(lost.Reason));
                    break;
                default:
                    return false;
            }

            writer.WriteEndObject();
        }
        finally
        {
            writer.Flush();
        }

        return true;
    }

    private static void WriteCommon(Utf8JsonWriter writer, JsonEncodedText kind, TraceEvent item)
    {
        writer.WriteString(Names.Event, kind);
        writer.WriteString(Names.Time, item.Time.UtcDateTime);
        writer.WriteNumber(Names.TimestampNs, item.KernelTimestampNs);
        writer.WriteNumber(Names.Pid, item.Pid);
    }

    private void WriteExec(Utf8JsonWriter writer, ExecEvent exec)
    {
        writer.WriteNumber(Names.Ppid, exec.ParentPid);
        WriteNullable(writer, Names.Uid, exec.RealUid);
        WriteNullable(writer, Names.Euid, exec.EffectiveUid);
        writer.WriteString(Names.User, exec.UserName);
        WriteContainer(writer, exec.Container, exec.NamespacePid);
        writer.WriteString(Names.Exe, exec.ExecutablePath);
        WriteBase64Twin(writer, Names.ExeBase64, exec.ExecutablePathBytes);
        writer.WriteString(Names.Comm, exec.CommandName);
        writer.WriteString(Names.Cwd, exec.WorkingDirectory);
        WriteBase64Twin(writer, Names.CwdBase64, exec.WorkingDirectoryBytes);
        WriteStrings(writer, Names.Argv, Names.ArgvBase64, exec.Arguments);

        WriteArgvSource(writer, exec.ArgvSource);

        // Asked only (absent otherwise): null when it could not be read.
        if (exec.Environment is { } environment)
        {
            WriteStrings(writer, Names.Env, Names.EnvBase64, environment);
        }
        else if (exec.EnvironmentUnavailable)
        {
            writer.WriteNull(Names.Env);
        }

        if (depth)
        {
            WriteNullable(writer, Names.Depth, exec.Depth);
        }
    }

    private static void WriteExit(Utf8JsonWriter writer, ExitEvent exit)
    {
        writer.WriteNumber(Names.Ppid, exit.ParentPid);
        writer.WriteNumber(Names.Status, exit.RawStatus);
        WriteNullable(writer, Names.ExitCode, exit.ExitCode);
        WriteNullable(writer, Names.Signal, exit.Signal);
        writer.WriteBoolean(Names.CoreDumped, exit.CoreDumped);
        if (exit.Lifetime is TimeSpan lifetime)
        {
            writer.WriteNumber(Names.DurationS, Math.Round(lifetime.TotalSeconds, 6));
        }
        else
        {
            writer.WriteNull(Names.DurationS);
        }

        writer.WriteString(Names.Comm, exit.CommandName);
        WriteContainer(writer, exit.Container, exit.NamespacePid);
    }

    /// <summary><c>container</c> (null for the host) and <c>nspid</c>, the pid as the process sees it.</summary>
    private static void WriteContainer(Utf8JsonWriter writer, ContainerInfo? container, int? namespacePid)
    {
        if (container is null)
        {
            writer.WriteNull(Names.Container);
        }
        else
        {
            writer.WriteStartObject(Names.Container);
            writer.WriteString(Names.Id, container.Id);
            writer.WriteString(Names.Name, container.Name);
            writer.WriteString(Names.Engine, container.Engine);
            writer.WriteEndObject();
        }

        WriteNullable(writer, Names.Nspid, namespacePid);
    }
}
