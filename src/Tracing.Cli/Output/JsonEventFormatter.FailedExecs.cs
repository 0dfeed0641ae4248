using System.Text.Json;
using Tracing.Events;

namespace Tracing.Cli.Output;

internal sealed partial class JsonEventFormatter
{
    // {"event":"exec_failed",...,"ppid":..,"uid":..,"euid":..,"comm":"sh","path":"/nonexistent","argv":[..],
    //  "argv_complete":true,"argv_source":"cmdline","errno":2,"error":"ENOENT"}: comm is the caller's, which stays.
    private static void WriteExecFailed(Utf8JsonWriter writer, ExecFailedEvent failed)
    {
        writer.WriteNumber(Names.Ppid, failed.ParentPid);
        WriteNullable(writer, Names.Uid, failed.RealUid);
        WriteNullable(writer, Names.Euid, failed.EffectiveUid);
        writer.WriteString(Names.Comm, failed.CommandName);
        writer.WriteString(Names.Path, failed.Path);
        WriteBase64Twin(writer, Names.PathBase64, failed.PathBytes);
        WriteStrings(writer, Names.Argv, Names.ArgvBase64, failed.Arguments);
        WriteArgvSource(writer, failed.ArgvSource);
        writer.WriteNumber(Names.Errno, failed.Errno);
        writer.WriteString(Names.Error, failed.ErrorName);
    }

    // argv_complete, and where argv came from: the process's argv (read, or captured at the exec), cut at the size
    // limit, the command name standing in, or nothing.
    private static void WriteArgvSource(Utf8JsonWriter writer, ArgvSource source)
    {
        writer.WriteBoolean(Names.ArgvComplete, source == ArgvSource.Complete);
        writer.WriteString(Names.ArgvSource, source switch
        {
            ArgvSource.Complete => Names.Cmdline,
            ArgvSource.CommandName => Names.Comm,
            ArgvSource.Truncated => Names.Truncated,
            _ => Names.None,
        });
    }
}
