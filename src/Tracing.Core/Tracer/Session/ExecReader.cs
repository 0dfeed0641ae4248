using System.Runtime.CompilerServices;
using Tracing.Events;
using Tracing.Filtering;
using Tracing.Ports;

namespace Tracing.Tracer.Session;

/// <summary>Reads what the platform knows of a process that just exec'd, argv first: it is the first to go.</summary>
/// <param name="context">The tracer's ports and options.</param>
/// <param name="naming">Which container a process is in, and its name once an engine has said it.</param>
internal sealed partial class ExecReader(TracerContext context, ContainerNaming naming)
{
    private readonly IProcessInfoReader _reader = context.Reader;
    private readonly ExecDetails _details = context.Options.Details;

    /// <summary>
    /// Reads an exec. A <paramref name="knownParent"/> of <see cref="ParentOf.Unknown"/> means the parent is read from
    /// the process. <paramref name="facts"/> are this exec's (begun for its pid): what the conditions read is not read again.
    /// </summary>
    /// <param name="kernelEvent">The exec.</param>
    /// <param name="knownParent">The parent the tree knows, or <see cref="ParentOf.Unknown"/>.</param>
    /// <param name="facts">What the conditions read of the process.</param>
    /// <param name="depth">The depth the tree knows (<see cref="ExecEvent.Depth"/>), or null.</param>
    /// <param name="tracedParent">What the tree knows of <see cref="ExecEvent.TracedParentPid"/>, or null.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public ExecEvent Read(in KernelEvent kernelEvent, int knownParent, ExecFacts facts, int? depth = null, int? tracedParent = null)
    {
        var pid = kernelEvent.Tgid;
        var ahead = _aheadPid == pid;
        var memory = ahead ? _aheadMemory : ReadMemory(pid, kernelEvent.Capture);
        var (hasArgv, arguments) = (memory.HasArgv, memory.Arguments);
        var wantsCredentials = (_details & (ExecDetails.Credentials | ExecDetails.UserName)) != 0;
        var mustReadParent = ParentOf.MustRead(knownParent);

        // The pidfd gives parent and ids in one go; stat is the fallback for the parent.
        ProcessIdentity identity = default;
        var hasIdentity = (wantsCredentials || mustReadParent || facts.IdentityKnown) && facts.TryGetIdentity(out identity);

        // Stat only when nothing else gave the parent; the command name alone has a cheaper read.
        ProcessStat stat = default;
        var hasStat = mustReadParent && !hasIdentity && _reader.TryReadStat(pid, out stat);
        if (hasStat && stat.CommandName is { } statName)
        {
            facts.KnowCommandName(statName);
        }

        string? commandName = null;
        if ((!hasArgv || (_details & ExecDetails.CommandName) != 0 || facts.CommandNameKnown) && facts.TryGetCommandName(out var name))
        {
            commandName = name;
        }

        var files = ahead ? _aheadFiles : ReadFiles(pid);
        if (ahead)
        {
            DropReadAhead();
        }

        // Read for a condition (a user filter) or for the event; either way, reported.
        ProcessCredentials credentials = default;
        var hasCredentials = (wantsCredentials || facts.CredentialsKnown) && facts.TryGetCredentials(out credentials);
        string? userName = null;
        if (hasCredentials && (_details & ExecDetails.UserName) != 0)
        {
            _reader.TryReadUserName(pid, credentials.RealUid, out userName);
        }

        // Last: the first exec of a container not seen before waits for the engine to name it.
        var cgroupId = (_details & (ExecDetails.Container | ExecDetails.Cgroup)) != 0 ? UnifiedCgroupId(pid, identity.UnifiedCgroupId) : 0;
        var (container, namespacePid) = (_details & ExecDetails.Container) != 0 ? ReadContainer(pid, cgroupId) : (null, null);
        var cgroup = (_details & ExecDetails.Cgroup) != 0 ? ReadCgroup(pid, cgroupId) : null;

        var source = hasArgv ? (memory.Truncated ? ArgvSource.Truncated : ArgvSource.Complete) : commandName is not null ? ArgvSource.CommandName : ArgvSource.None;
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
            ExecutablePath = files.Executable,
            WorkingDirectory = files.Cwd,
            ExecutablePathBytes = AsMemory(files.ExecutableBytes),
            WorkingDirectoryBytes = AsMemory(files.CwdBytes),
            RealUid = hasCredentials ? credentials.RealUid : null,
            EffectiveUid = hasCredentials ? credentials.EffectiveUid : null,
            UserName = userName,
            Container = container,
            NamespacePid = namespacePid,
            Environment = memory.Environment,
            EnvironmentUnavailable = memory.EnvironmentUnavailable,
            Depth = (_details & ExecDetails.Depth) != 0 ? depth : null,
            TracedParentPid = tracedParent,
            Cgroup = cgroup,
        };
    }

    /// <summary>Compiles the container path (a made-up container's cgroup, parsed but not kept, the engine not asked).</summary>
    public void WarmUp()
    {
        if ((_details & ExecDetails.Container) != 0)
        {
            ContainerNaming.WarmUp();
        }
    }

    // The cgroups say which container (each path looked up once); the namespace pid is read for a container's process
    // (a host process's is its pid as the host sees it).
    // A process of a cgroup v2 cgroup seen before is answered by its id (a cheap read, or none when the identity read
    // gave it); only the first of each cgroup has its cgroups read.
    private (ContainerInfo? Container, int? NamespacePid) ReadContainer(int pid, ulong unifiedCgroupId)
    {
        if (unifiedCgroupId == 0 || !naming.TryOf(unifiedCgroupId, out var container))
        {
            container = _reader.TryReadCgroups(pid, out var memberships) ? naming.Of(memberships, unifiedCgroupId) : null;
        }

        return container is not null && _reader.TryReadNamespacePid(pid, out var namespacePid) ? (container, namespacePid) : (container, null);
    }

    // "No bytes" (the path is valid UTF-8) must stay null: a null byte[], or a bare null beside a ReadOnlyMemory in a
    // conditional, converts to an empty ReadOnlyMemory that has a value. An empty array is never invalid UTF-8 either.
    private static ReadOnlyMemory<byte>? AsMemory(byte[]? bytes) =>
        bytes is { Length: > 0 } ? new ReadOnlyMemory<byte>(bytes) : default(ReadOnlyMemory<byte>?);
}
