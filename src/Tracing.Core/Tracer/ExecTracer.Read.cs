using System.Runtime.CompilerServices;
using Tracing.Events;
using Tracing.Ports;
using Tracing.Tree;

namespace Tracing.Tracer;

public sealed partial class ExecTracer
{
    /// <summary>Reads what the platform knows of a process that just exec'd: argv first, it is the first to go.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private ExecEvent ReadExec(in KernelEvent kernelEvent, ProcessNode? node)
    {
        var pid = kernelEvent.Tgid;
        var hasArgv = _reader.TryReadArguments(pid, out var arguments) && arguments.Count > 0;
        var details = _options.Details;
        var hasIdentity = _reader.TryReadIdentity(pid, out var identity);
        ProcessStat stat = default;
        var hasStat = (!hasArgv || !hasIdentity || (details & ExecDetails.CommandName) != 0) && _reader.TryReadStat(pid, out stat);
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
        var hasCredentials = (details & ExecDetails.Credentials) != 0
            && (hasIdentity || _reader.TryReadCredentials(pid, out credentials));
        var source = hasArgv ? ArgvSource.Complete : hasStat ? ArgvSource.CommandName : ArgvSource.None;
        if (!hasArgv)
        {
            arguments = hasStat ? ProcessArguments.FromStrings([stat.CommandName]) : ProcessArguments.Empty;
        }

        return new ExecEvent
        {
            Pid = pid,
            ParentPid = node is { ParentPid: > 0 } ? node.ParentPid
                : hasIdentity ? identity.ParentPid
                : hasStat ? stat.ParentPid
                : kernelEvent.ParentTgid,
            KernelTimestampNs = kernelEvent.TimestampNs,
            Time = ToWallClock(kernelEvent.TimestampNs),
            Arguments = arguments!,
            ArgvSource = source,
            CommandName = hasStat ? stat.CommandName : null,
            ExecutablePath = executable,
            WorkingDirectory = cwd,
            RealUid = hasCredentials ? credentials.RealUid : null,
            EffectiveUid = hasCredentials ? credentials.EffectiveUid : null,
        };
    }
}
