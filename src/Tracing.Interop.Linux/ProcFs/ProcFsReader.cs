using System.Diagnostics.CodeAnalysis;
using System.Text;
using Tracing.Events;
using Tracing.Ports;

namespace Tracing.Linux.ProcFs;

/// <summary>
/// Reads processes from <c>/proc</c> with direct syscalls and pooled buffers: it runs on the event receive path,
/// where argv must be read before a short-lived process is gone. A process that is gone, or that the caller may
/// not inspect, gives false; only a fault of this process or the system (EMFILE, EIO) throws. Safe to use from
/// several threads at once.
/// </summary>
internal sealed partial class ProcFsReader : IProcessInfoReader
{
    /// <summary>Where procfs is normally mounted.</summary>
    public const string DefaultRoot = "/proc";

    private static readonly ContentParser<ProcessArguments?> s_parseArguments = static (ReadOnlySpan<byte> content, out ProcessArguments? arguments) =>
    {
        // A zombie or a kernel thread has an empty cmdline: no argv to report.
        arguments = content.IsEmpty ? null : ProcessArguments.FromNulSeparated(content);
        return arguments is not null;
    };

    private static readonly ContentParser<ProcessArguments?> s_parseEnvironment = static (ReadOnlySpan<byte> content, out ProcessArguments? environment) =>
    {
        // Empty is an empty environment (env -i), and also what a zombie or a kernel thread shows.
        environment = ProcessArguments.FromNulSeparated(content);
        return true;
    };

    private static readonly ContentParser<(ProcessStat, ulong)> s_parseStatWithStartTime = static (ReadOnlySpan<byte> content, out (ProcessStat, ulong) result) =>
    {
        var parsed = ProcStatParser.TryParse(content, out var stat, out var startTimeTicks);
        result = (stat, startTimeTicks);
        return parsed;
    };

    private static readonly ContentParser<string?> s_parseCommandName = static (ReadOnlySpan<byte> content, out string? name) =>
    {
        // "name\n"; the name itself may hold a newline (prctl PR_SET_NAME takes any bytes but NUL): only the last goes.
        name = content.IsEmpty || content[^1] != (byte)'\n' ? null : Encoding.UTF8.GetString(content[..^1]);
        return name is not null;
    };

    private readonly string _root;
    private readonly byte[] _rootUtf8;
    private readonly bool _isSystemProc;

    // Parsed once per distinct content: every process of a service or container writes the same bytes.
    private readonly ContentParser<CgroupMembership[]> _parseCgroups = new CgroupContentCache().TryParse;

    /// <summary>Creates a reader of <paramref name="procRoot"/>, a procfs mount or a directory shaped like one.</summary>
    /// <param name="procRoot">The directory holding one subdirectory per pid.</param>
    public ProcFsReader(string procRoot = DefaultRoot)
    {
        ArgumentException.ThrowIfNullOrEmpty(procRoot);
        var trimmed = procRoot.TrimEnd('/');
        _root = trimmed.Length == 0 ? "/" : trimmed;
        _rootUtf8 = Encoding.UTF8.GetBytes(trimmed);
        _isSystemProc = trimmed == DefaultRoot;
    }

    /// <inheritdoc />
    public int CurrentProcessId => Environment.ProcessId;

    /// <inheritdoc />
    public bool TryReadArguments(int pid, [NotNullWhen(true)] out ProcessArguments? arguments) =>
        TryReadFile(pid, "/cmdline"u8, s_parseArguments, out arguments) && arguments is not null;

    /// <inheritdoc />
    /// <remarks>
    /// <c>/proc/PID/environ</c>, read as cmdline is (one consistent copy, however many pages; the buffer cleared after):
    /// the environment as exec left it. Another user's needs root (ptrace read access): without it, false.
    /// </remarks>
    public bool TryReadEnvironment(int pid, [NotNullWhen(true)] out ProcessArguments? environment) =>
        TryReadFile(pid, "/environ"u8, s_parseEnvironment, out environment) && environment is not null;

    /// <inheritdoc />
    /// <remarks>The path is what the kernel shows, including a <c> (deleted)</c> suffix for a replaced executable.</remarks>
    public bool TryReadExecutablePath(int pid, [NotNullWhen(true)] out string? path) =>
        TryReadLink(pid, "/exe"u8, out path, out _);

    /// <inheritdoc />
    public bool TryReadWorkingDirectory(int pid, [NotNullWhen(true)] out string? path) =>
        TryReadLink(pid, "/cwd"u8, out path, out _);

    /// <inheritdoc />
    public bool TryReadExecutablePath(int pid, [NotNullWhen(true)] out string? path, out byte[]? invalidUtf8Bytes) =>
        TryReadLink(pid, "/exe"u8, out path, out invalidUtf8Bytes);

    /// <inheritdoc />
    public bool TryReadWorkingDirectory(int pid, [NotNullWhen(true)] out string? path, out byte[]? invalidUtf8Bytes) =>
        TryReadLink(pid, "/cwd"u8, out path, out invalidUtf8Bytes);

    /// <inheritdoc />
    public bool TryReadStat(int pid, out ProcessStat stat) =>
        TryReadFile(pid, "/stat"u8, ProcStatParser.TryParse, out stat);

    /// <summary>Reads the stat line and the process's start time.</summary>
    /// <param name="pid">The process id.</param>
    /// <param name="stat">Parent, command name and state.</param>
    /// <param name="startTimeTicks">When the process started, in clock ticks since boot; with the pid, it names one process.</param>
    public bool TryReadStat(int pid, out ProcessStat stat, out ulong startTimeTicks)
    {
        var read = TryReadFile(pid, "/stat"u8, s_parseStatWithStartTime, out var result);
        (stat, startTimeTicks) = result;
        return read;
    }

    /// <inheritdoc />
    /// <remarks><c>/proc/PID/comm</c>: the kernel copies the name, where a stat read formats some fifty fields.</remarks>
    public bool TryReadCommandName(int pid, [NotNullWhen(true)] out string? name) =>
        TryReadFile(pid, "/comm"u8, s_parseCommandName, out name) && name is not null;

    /// <inheritdoc />
    public bool TryReadCredentials(int pid, out ProcessCredentials credentials) =>
        TryReadFile(pid, "/status"u8, ProcStatusParser.TryParse, out credentials);

    /// <inheritdoc />
    public bool TryReadCgroups(int pid, [NotNullWhen(true)] out IReadOnlyList<CgroupMembership>? memberships)
    {
        var read = TryReadFile(pid, "/cgroup"u8, _parseCgroups, out var parsed);
        memberships = read ? parsed : null;
        return read;
    }
}
