using System.Diagnostics.CodeAnalysis;
using Tracing.Events;
using Tracing.Darwin.KinfoProc;
using Tracing.Darwin.Polling;
using Tracing.Darwin.Sysctl;
using Tracing.Ports;

namespace Tracing.Darwin;

/// <summary>
/// What macOS tells about a process, through sysctl alone. Parent, name, state and uids come from the poller's latest
/// table when it holds the process (so an event's process is described as the poll saw it, even once gone), else
/// from <c>KERN_PROC_PID</c>; argv and the exec path from <c>KERN_PROCARGS2</c>, which needs the same effective uid
/// or root. The working directory needs <c>proc_pidinfo</c>, whose layout is not verified here: it is never read.
/// Safe to use from several threads.
/// </summary>
internal sealed class DarwinProcessInfoReader : IProcessInfoReader
{
    private readonly ProcessSnapshotStore _store;
    private readonly ProcessTableReader _table;
    private readonly ProcArgsReader _arguments;

    /// <summary>Creates the reader.</summary>
    /// <param name="store">The poller's table; a private, empty one when null.</param>
    /// <param name="sysctl">The sysctl seam; libSystem's when null (macOS only).</param>
    /// <exception cref="PlatformNotSupportedException">No <paramref name="sysctl"/> was given and this is not macOS.</exception>
    public DarwinProcessInfoReader(ProcessSnapshotStore? store = null, ISysctl? sysctl = null)
    {
        sysctl ??= OperatingSystem.IsMacOS() ? new LibSystemSysctl() : throw new PlatformNotSupportedException("The sysctl process table is macOS's.");
        _store = store ?? new ProcessSnapshotStore();
        _table = new ProcessTableReader(sysctl);
        _arguments = new ProcArgsReader(sysctl);
    }

    /// <inheritdoc />
    public int CurrentProcessId => Environment.ProcessId;

    /// <inheritdoc />
    /// <remarks>
    /// False for another user's process unless running as root. When the poller's table holds the process, the argv
    /// is kept only if the process is still the same incarnation with the same name afterwards: argv read after a
    /// second exec or a pid reuse would belong to another program.
    /// </remarks>
    public bool TryReadArguments(int pid, [NotNullWhen(true)] out ProcessArguments? arguments)
    {
        if (_arguments.TryRead(pid, out arguments, out _) != ProcArgsReadResult.Read || arguments is null)
        {
            arguments = null;
            return false;
        }

        if (_store.TryGet(pid, out var seen) && !StillTheSame(seen))
        {
            arguments = null;
            return false;
        }

        return true;
    }

    /// <inheritdoc />
    /// <remarks>
    /// The strings after argv in <c>KERN_PROCARGS2</c>: false when the kernel omits them (another user's restricted
    /// process without root) or the answer does not tell where they end; kept only for the same incarnation, as argv.
    /// </remarks>
    public bool TryReadEnvironment(int pid, [NotNullWhen(true)] out ProcessArguments? environment)
    {
        if (_arguments.TryReadEnvironment(pid, out environment) != ProcArgsReadResult.Read || environment is null
            || (_store.TryGet(pid, out var seen) && !StillTheSame(seen)))
        {
            environment = null;
            return false;
        }

        return true;
    }

    /// <inheritdoc />
    /// <remarks>The absolute path given to exec (for a script, its interpreter); false when exec was given a relative path.</remarks>
    public bool TryReadExecutablePath(int pid, [NotNullWhen(true)] out string? path)
    {
        if (_arguments.TryRead(pid, out _, out path) != ProcArgsReadResult.Read || path is not ['/', ..])
        {
            path = null;
            return false;
        }

        return true;
    }

    /// <inheritdoc />
    /// <remarks>Always false: sysctl does not tell the working directory.</remarks>
    public bool TryReadWorkingDirectory(int pid, [NotNullWhen(true)] out string? path)
    {
        path = null;
        return false;
    }

    /// <inheritdoc />
    public bool TryReadStat(int pid, out ProcessStat stat)
    {
        if (!TryGet(pid, out var record))
        {
            stat = default;
            return false;
        }

        stat = new ProcessStat(record.Pid, record.ParentPid, record.CommandName.ToString(), record.State);
        return true;
    }

    /// <inheritdoc />
    public bool TryReadIdentity(int pid, out ProcessIdentity identity)
    {
        if (!TryGet(pid, out var record))
        {
            identity = default;
            return false;
        }

        identity = new ProcessIdentity(record.ParentPid, new ProcessCredentials(record.RealUid, record.EffectiveUid));
        return true;
    }

    /// <inheritdoc />
    public bool TryReadCredentials(int pid, out ProcessCredentials credentials)
    {
        if (!TryGet(pid, out var record))
        {
            credentials = default;
            return false;
        }

        credentials = new ProcessCredentials(record.RealUid, record.EffectiveUid);
        return true;
    }

    /// <inheritdoc />
    /// <remarks>Always false: macOS has no cgroups.</remarks>
    public bool TryReadCgroups(int pid, [NotNullWhen(true)] out IReadOnlyList<CgroupMembership>? memberships)
    {
        memberships = null;
        return false;
    }

    /// <inheritdoc />
    /// <remarks>Reads the table afresh (zombies included), not the poller's last one.</remarks>
    public IEnumerable<int> EnumerateProcessIds()
    {
        var buffer = Array.Empty<byte>();
        var length = _table.ReadAll(ref buffer);
        var records = new List<KinfoProcRecord>(length / KinfoProcDecoder.RecordSize);
        return KinfoProcDecoder.TryDecodeAll(buffer.AsSpan(0, length), records) ? records.ConvertAll(r => r.Pid) : [];
    }

    private bool TryGet(int pid, out KinfoProcRecord record) => _store.TryGet(pid, out record) || _table.TryRead(pid, out record);

    private bool StillTheSame(in KinfoProcRecord seen) =>
        _table.TryRead(seen.Pid, out var now) && now.Incarnation == seen.Incarnation && now.CommandName == seen.CommandName;
}
