using System.Runtime.CompilerServices;
using Tracing.Events;
using Tracing.Filtering;

namespace Tracing.Tracer.Session;

internal sealed partial class ExecReader
{
    // What went with the process when it exits (its memory: argv and environment; its files: exe and cwd) and its
    // command name, read for one exec before the session could be entered. Pid 0: nothing is read ahead.
    private int _aheadPid;
    private bool _aheadHasArgv;
    private ProcessArguments? _aheadArguments;
    private bool _aheadEnvironmentUnavailable;
    private ProcessArguments? _aheadEnvironment;
    private string? _aheadExecutable;
    private byte[]? _aheadExecutableBytes;
    private string? _aheadCwd;
    private byte[]? _aheadCwdBytes;
    private string? _aheadCommandName;

    /// <summary>
    /// Reads at once, for an exec whose session is busy (the process table being seeded, the tree rebuilt after a loss, a
    /// container's first exec waiting for its name), what a process that ends takes with it, so that waiting for the
    /// session costs nothing of what the exec reports. <see cref="Read"/> of the same pid takes it; anything else drops it.
    /// Out-of-scope execs may be read for nothing this way: only while the session is busy.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void ReadAhead(int pid)
    {
        _aheadPid = pid;
        _aheadHasArgv = _reader.TryReadArguments(pid, out _aheadArguments) && _aheadArguments.Count > 0;
        _aheadEnvironment = null;
        _aheadEnvironmentUnavailable = (_details & ExecDetails.Environment) != 0 && !_reader.TryReadEnvironment(pid, out _aheadEnvironment);
        _aheadExecutable = _aheadCwd = null;
        _aheadExecutableBytes = _aheadCwdBytes = null;
        if ((_details & ExecDetails.ExecutablePath) != 0)
        {
            _reader.TryReadExecutablePath(pid, out _aheadExecutable, out _aheadExecutableBytes);
        }

        if ((_details & ExecDetails.WorkingDirectory) != 0)
        {
            _reader.TryReadWorkingDirectory(pid, out _aheadCwd, out _aheadCwdBytes);
        }

        // A zombie still has its name; a reaped process has nothing. Read now, it stands in for an argv that was gone.
        _aheadCommandName = _reader.TryReadCommandName(pid, out var name) ? name : null;
    }

    /// <summary>Gives <paramref name="facts"/> (begun for <paramref name="pid"/>) the command name read ahead for it, if any.</summary>
    public void LendReadAhead(int pid, ExecFacts facts)
    {
        if (_aheadPid == pid && _aheadCommandName is { } name && !facts.CommandNameKnown)
        {
            facts.KnowCommandName(name);
        }
    }

    /// <summary>Forgets what was read ahead (its exec was not reported, or was read).</summary>
    public void DropReadAhead()
    {
        _aheadPid = 0;
        _aheadArguments = _aheadEnvironment = null;
        _aheadExecutable = _aheadCwd = _aheadCommandName = null;
        _aheadExecutableBytes = _aheadCwdBytes = null;
    }
}
