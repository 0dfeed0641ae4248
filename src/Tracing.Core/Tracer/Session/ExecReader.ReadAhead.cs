using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Tracing.Events;
using Tracing.Filtering;
using Tracing.Ports;

namespace Tracing.Tracer.Session;

internal sealed partial class ExecReader
{
    // What one exec read before the session could be entered (pid 0: nothing): what goes with the process when it
    // exits, and its command name.
    private int _aheadPid;
    private MemoryFacts _aheadMemory;
    private FileFacts _aheadFiles;
    private string? _aheadCommandName;

    /// <summary>
    /// Reads at once, for an exec whose session is busy (the process table being seeded, the events held for a
    /// container's name being delivered), what a process that ends takes with it, so that waiting for the
    /// session costs nothing of what the exec reports. <see cref="Read"/> of the same pid takes it; anything else drops it.
    /// Out-of-scope execs may be read for nothing this way: only while the session is busy.
    /// </summary>
    /// <param name="pid">The process that exec'd.</param>
    /// <param name="capture">What the source captured of the exec in the kernel; null when nothing.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void ReadAhead(int pid, ExecCapture? capture)
    {
        _aheadPid = pid;
        _aheadMemory = ReadMemory(pid, capture);
        _aheadFiles = ReadFiles(pid);

        // A zombie still has its name; a reaped process has nothing. Read now, it stands in for an argv that was gone.
        _aheadCommandName = capture?.CommandName ?? (_reader.TryReadCommandName(pid, out var name) ? name : null);
    }

    /// <summary>Gives <paramref name="facts"/> (begun for <paramref name="pid"/>) the command name read ahead for it, if any.</summary>
    /// <param name="pid">The process the facts are about.</param>
    /// <param name="facts">The exec's facts, which take the name instead of reading it.</param>
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
        _aheadMemory = default;
        _aheadFiles = default;
        _aheadCommandName = null;
    }

    // Its memory: argv, first to go (unless the source captured it at the exec), then the environment only when asked
    // (it is large, and goes with it too).
    private MemoryFacts ReadMemory(int pid, ExecCapture? capture)
    {
        var truncated = false;
        ProcessArguments? arguments;
        bool hasArgv;
        if (capture?.Arguments is { Count: > 0 } captured)
        {
            (hasArgv, arguments, truncated) = capture.ArgumentsTruncated && TryReadRest(pid, captured, out var whole)
                ? (true, whole, false)
                : (true, captured, capture.ArgumentsTruncated);
        }
        else
        {
            hasArgv = _reader.TryReadArguments(pid, out arguments) && arguments.Count > 0;
        }

        ProcessArguments? environment = null;
        var environmentUnavailable = (_details & ExecDetails.Environment) != 0 && !_reader.TryReadEnvironment(pid, out environment);
        return new(hasArgv, truncated, arguments, environment, environmentUnavailable);
    }

    // An argv the capture cut at its size limit: whole from the process, when it still runs the program that exec'd
    // (what it gives begins with what was captured, the NUL the cut prefix was given aside) and has more.
    private bool TryReadRest(int pid, ProcessArguments captured, [NotNullWhen(true)] out ProcessArguments? whole)
    {
        var prefix = captured.RawBytes.Span[..^1];
        if (_reader.TryReadArguments(pid, out whole) && whole.RawBytes.Length > prefix.Length && whole.RawBytes.Span.StartsWith(prefix))
        {
            return true;
        }

        whole = null;
        return false;
    }

    // Its files: the executable's and the working directory's paths, each only when asked.
    private FileFacts ReadFiles(int pid)
    {
        string? executable = null;
        byte[]? executableBytes = null;
        string? cwd = null;
        byte[]? cwdBytes = null;
        if ((_details & ExecDetails.ExecutablePath) != 0)
        {
            _reader.TryReadExecutablePath(pid, out executable, out executableBytes);
        }

        if ((_details & ExecDetails.WorkingDirectory) != 0)
        {
            _reader.TryReadWorkingDirectory(pid, out cwd, out cwdBytes);
        }

        return new(executable, executableBytes, cwd, cwdBytes);
    }

    private readonly record struct MemoryFacts(bool HasArgv, bool Truncated, ProcessArguments? Arguments, ProcessArguments? Environment, bool EnvironmentUnavailable);

    private readonly record struct FileFacts(string? Executable, byte[]? ExecutableBytes, string? Cwd, byte[]? CwdBytes);
}
