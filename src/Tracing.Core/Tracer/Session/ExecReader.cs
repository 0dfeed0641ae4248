using System.Runtime.CompilerServices;
using Tracing.Containers;
using Tracing.Events;
using Tracing.Ports;

namespace Tracing.Tracer.Session;

/// <summary>Reads what the platform knows of a process that just exec'd, argv first: it is the first to go.</summary>
internal sealed class ExecReader(TracerContext context)
{
    private readonly IProcessInfoReader _reader = context.Reader;
    private readonly ExecDetails _details = context.Options.Details;
    private readonly ContainerDirectory _containers = new(context.ContainerEngine, TracerContext.ContainerNameWait);

    /// <summary>Reads an exec. A <paramref name="knownParent"/> of <see cref="ParentOf.Unknown"/> means the parent is read from the process.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public ExecEvent Read(in KernelEvent kernelEvent, int knownParent)
    {
        var pid = kernelEvent.Tgid;
        var hasArgv = _reader.TryReadArguments(pid, out var arguments) && arguments.Count > 0;
        var wantsCredentials = (_details & (ExecDetails.Credentials | ExecDetails.UserName)) != 0;
        var mustReadParent = ParentOf.MustRead(knownParent);

        // The pidfd gives parent and ids in one go; stat is the fallback for the parent.
        ProcessIdentity identity = default;
        var hasIdentity = (wantsCredentials || mustReadParent) && _reader.TryReadIdentity(pid, out identity);

        // Stat only when nothing else gave the parent; the command name alone has a cheaper read.
        ProcessStat stat = default;
        var hasStat = mustReadParent && !hasIdentity && _reader.TryReadStat(pid, out stat);
        var commandName = hasStat ? stat.CommandName : null;
        if (commandName is null && (!hasArgv || (_details & ExecDetails.CommandName) != 0) && _reader.TryReadCommandName(pid, out var name))
        {
            commandName = name;
        }

        string? executable = null;
        string? cwd = null;
        byte[]? executableBytes = null;
        byte[]? cwdBytes = null;
        if ((_details & ExecDetails.ExecutablePath) != 0)
        {
            _reader.TryReadExecutablePath(pid, out executable, out executableBytes);
        }

        if ((_details & ExecDetails.WorkingDirectory) != 0)
        {
            _reader.TryReadWorkingDirectory(pid, out cwd, out cwdBytes);
        }

        var credentials = identity.Credentials;
        var hasCredentials = wantsCredentials
            && (hasIdentity || _reader.TryReadCredentials(pid, out credentials));
        var wantsContainer = (_details & ExecDetails.Container) != 0;
        IReadOnlyList<CgroupMembership>? memberships = null;
        int? namespacePid = null;
        if (wantsContainer)
        {
            // The namespace pid is read only when it can differ from the pid.
            memberships = _reader.TryReadCgroups(pid, out var read) ? read : null;
            namespacePid = _reader.TryReadNamespacePid(pid, out var inNamespace) ? inNamespace : null;
        }

        string? userName = null;
        if (hasCredentials && (_details & ExecDetails.UserName) != 0)
        {
            _reader.TryReadUserName(pid, credentials.RealUid, out userName);
        }

        // Last, once everything is read from the process: the first exec seen in a container waits here for the engine
        // to name it (up to a second), and a process that has ended by then would have lost its namespace pid and user.
        var container = memberships is not null ? _containers.Of(memberships) : null;

        var source = hasArgv ? ArgvSource.Complete : commandName is not null ? ArgvSource.CommandName : ArgvSource.None;
        if (!hasArgv)
        {
            arguments = commandName is not null ? ProcessArguments.FromStrings([commandName]) : ProcessArguments.Empty;
        }

        return new ExecEvent
        {
            Pid = pid,
            ParentPid = ParentOf.Exec(knownParent, hasIdentity, identity, hasStat, stat),
            KernelTimestampNs = kernelEvent.TimestampNs,
            Time = context.ToWallClock(kernelEvent.TimestampNs),
            Arguments = arguments!,
            ArgvSource = source,
            CommandName = commandName,
            ExecutablePath = executable,
            WorkingDirectory = cwd,
            ExecutablePathBytes = AsMemory(executableBytes),
            WorkingDirectoryBytes = AsMemory(cwdBytes),
            RealUid = hasCredentials ? credentials.RealUid : null,
            EffectiveUid = hasCredentials ? credentials.EffectiveUid : null,
            UserName = userName,
            Container = container,
            NamespacePid = namespacePid,
        };
    }

    // "No bytes" (the path is valid UTF-8) must stay null: a null byte[], or a bare null beside a ReadOnlyMemory in a
    // conditional, converts to an empty ReadOnlyMemory that has a value. An empty array is never invalid UTF-8 either.
    private static ReadOnlyMemory<byte>? AsMemory(byte[]? bytes) =>
        bytes is { Length: > 0 } ? new ReadOnlyMemory<byte>(bytes) : default(ReadOnlyMemory<byte>?);
}
