using System.Runtime.CompilerServices;
using Tracing.Events;
using Tracing.Ports;

namespace Tracing.Tracer;

public sealed partial class ExecTracer
{
    /// <summary>
    /// Reads what the platform knows of a process that just exec'd: argv first, it is the first to go. A
    /// <paramref name="knownParent"/> of 0 means the parent must be read from the process itself.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private ExecEvent ReadExec(in KernelEvent kernelEvent, int knownParent)
    {
        var pid = kernelEvent.Tgid;
        var hasArgv = _reader.TryReadArguments(pid, out var arguments) && arguments.Count > 0;
        var details = _options.Details;
        var wantsCredentials = (details & ExecDetails.Credentials) != 0;

        // The parent of the fork the tracer saw (its tree, or the source's fork ledger) needs no read; else the pidfd
        // gives parent and ids in one go, and stat is the fallback.
        ProcessIdentity identity = default;
        var hasIdentity = (wantsCredentials || knownParent <= 0) && _reader.TryReadIdentity(pid, out identity);

        // Stat only when nothing else gave the parent; the command name alone has a cheaper read.
        ProcessStat stat = default;
        var hasStat = knownParent <= 0 && !hasIdentity && _reader.TryReadStat(pid, out stat);
        var commandName = hasStat ? stat.CommandName : null;
        if (commandName is null && (!hasArgv || (details & ExecDetails.CommandName) != 0) && _reader.TryReadCommandName(pid, out var name))
        {
            commandName = name;
        }

        string? executable = null;
        string? cwd = null;
        if ((details & ExecDetails.ExecutablePath) != 0)
        {
            _reader.TryReadExecutablePath(pid, out executable);
        }

        if ((details & ExecDetails.WorkingDirectory) != 0)
        {
            _reader.TryReadWorkingDirectory(pid, out cwd);
        }

        var credentials = identity.Credentials;
        var hasCredentials = wantsCredentials
            && (hasIdentity || _reader.TryReadCredentials(pid, out credentials));
        var source = hasArgv ? ArgvSource.Complete : commandName is not null ? ArgvSource.CommandName : ArgvSource.None;
        if (!hasArgv)
        {
            arguments = commandName is not null ? ProcessArguments.FromStrings([commandName]) : ProcessArguments.Empty;
        }

        return new ExecEvent
        {
            Pid = pid,
            ParentPid = knownParent > 0 ? knownParent
                : hasIdentity ? identity.ParentPid
                : hasStat ? stat.ParentPid
                : 0,
            KernelTimestampNs = kernelEvent.TimestampNs,
            Time = ToWallClock(kernelEvent.TimestampNs),
            Arguments = arguments!,
            ArgvSource = source,
            CommandName = commandName,
            ExecutablePath = executable,
            WorkingDirectory = cwd,
            RealUid = hasCredentials ? credentials.RealUid : null,
            EffectiveUid = hasCredentials ? credentials.EffectiveUid : null,
        };
    }
}
