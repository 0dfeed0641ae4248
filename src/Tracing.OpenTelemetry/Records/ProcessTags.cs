using Tracing.Events;
using Tracing.Signals;

namespace Tracing.OpenTelemetry.Records;

/// <summary>The attributes of an exec or an exit, the same on its log record and its span (<see cref="ProcessAttributes"/>).</summary>
internal static class ProcessTags
{
    /// <summary>The executable's file name: of its path when read, else the kernel's command name.</summary>
    public static string? ExecutableName(ExecEvent exec) =>
        exec.ExecutablePath is { Length: > 0 } path ? Path.GetFileName(path) : exec.CommandName;

    public static void AddExec(List<KeyValuePair<string, object?>> tags, ExecEvent exec, bool includeArgs, string? tracerName)
    {
        tags.Add(new(ProcessAttributes.Pid, exec.Pid));
        tags.Add(new(ProcessAttributes.ParentPid, exec.ParentPid));
        Add(tags, ProcessAttributes.ExecutableName, ExecutableName(exec));
        Add(tags, ProcessAttributes.ExecutablePath, exec.ExecutablePath);
        AddBase64(tags, ProcessAttributes.ExecutablePathBase64, exec.ExecutablePathBytes);
        var arguments = exec.Arguments;
        tags.Add(new(ProcessAttributes.ArgsCount, arguments.Count));
        if (includeArgs)
        {
            tags.Add(new(ProcessAttributes.CommandArgs, arguments.Strings.ToArray()));
            if (!arguments.IsValidUtf8)
            {
                var raw = new string[arguments.Count];
                for (var i = 0; i < raw.Length; i++)
                {
                    raw[i] = Convert.ToBase64String(arguments.GetRaw(i));
                }

                tags.Add(new(ProcessAttributes.CommandArgsBase64, raw));
            }
        }

        if (exec.ArgvSource != ArgvSource.Complete)
        {
            // The process was gone before its argv could be read, or argv was cut at the capture's limit: said, not guessed.
            tags.Add(new(ProcessAttributes.ArgvSource, exec.ArgvSource switch
            {
                ArgvSource.CommandName => "command_name",
                ArgvSource.Truncated => "truncated",
                _ => "none",
            }));
        }

        Add(tags, ProcessAttributes.WorkingDirectory, exec.WorkingDirectory);
        AddBase64(tags, ProcessAttributes.WorkingDirectoryBase64, exec.WorkingDirectoryBytes);
        if (exec.EffectiveUid is uint euid)
        {
            tags.Add(new(ProcessAttributes.UserId, (long)euid));
        }

        if (exec.RealUid is uint ruid)
        {
            tags.Add(new(ProcessAttributes.RealUserId, (long)ruid));
        }

        Add(tags, ProcessAttributes.RealUserName, exec.UserName);
        Add(tags, ProcessAttributes.Cgroup, exec.Cgroup);
        AddContainer(tags, exec.Container, exec.NamespacePid);
        Add(tags, ProcessAttributes.TracerName, tracerName);
    }

    public static void AddExit(List<KeyValuePair<string, object?>> tags, ExitEvent exit, string? tracerName)
    {
        tags.Add(new(ProcessAttributes.Pid, exit.Pid));
        tags.Add(new(ProcessAttributes.ParentPid, exit.ParentPid));
        Add(tags, ProcessAttributes.ExecutableName, exit.CommandName);
        AddOutcome(tags, exit);
        if (exit.Lifetime is TimeSpan lifetime)
        {
            tags.Add(new(ProcessAttributes.Lifetime, lifetime.TotalSeconds));
        }

        AddContainer(tags, exit.Container, exit.NamespacePid);
        Add(tags, ProcessAttributes.TracerName, tracerName);
    }

    /// <summary>Exit code, or signal (and core dump); <c>error.type</c> when it failed (<see cref="ErrorType"/>).</summary>
    public static void AddOutcome(List<KeyValuePair<string, object?>> tags, ExitEvent exit)
    {
        if (exit.ExitCode is int code)
        {
            tags.Add(new(ProcessAttributes.ExitCode, code));
        }

        if (exit.Signal is int signal)
        {
            tags.Add(new(ProcessAttributes.ExitSignal, SignalNames.Get(signal)));
            tags.Add(new(ProcessAttributes.CoreDumped, exit.CoreDumped));
        }

        Add(tags, ProcessAttributes.ErrorType, ErrorType(exit));
    }

    /// <summary>Null for success; the exit code ("2") when it exited with another, the signal's name ("SIGKILL") when killed.</summary>
    public static string? ErrorType(ExitEvent exit) => exit switch
    {
        { Signal: int signal } => SignalNames.Get(signal),
        { ExitCode: int code } when code != 0 => code.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => null,
    };

    private static void AddContainer(List<KeyValuePair<string, object?>> tags, ContainerInfo? container, int? namespacePid)
    {
        if (container is null)
        {
            return;
        }

        tags.Add(new(ProcessAttributes.ContainerId, container.Id));
        Add(tags, ProcessAttributes.ContainerName, container.Name);
        Add(tags, ProcessAttributes.ContainerRuntime, container.Engine);
        if (namespacePid is int vpid)
        {
            tags.Add(new(ProcessAttributes.NamespacePid, vpid));
        }
    }

    private static void Add(List<KeyValuePair<string, object?>> tags, string name, string? value)
    {
        if (value is not null)
        {
            tags.Add(new(name, value));
        }
    }

    private static void AddBase64(List<KeyValuePair<string, object?>> tags, string name, ReadOnlyMemory<byte>? bytes)
    {
        if (bytes is { } raw)
        {
            tags.Add(new(name, Convert.ToBase64String(raw.Span)));
        }
    }
}
