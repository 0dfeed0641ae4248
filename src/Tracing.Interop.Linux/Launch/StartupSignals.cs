using System.Buffers.Text;

namespace Tracing.Linux.Launch;

/// <summary>
/// The signal dispositions and mask exectrace's own process was given, as far as they can still be seen: which
/// signals are ignored (<c>SigIgn</c>) and which blocked (<c>SigBlk</c> of the main thread), read from
/// <c>/proc/self/status</c>. Bit N - 1 stands for signal N.
/// </summary>
/// <remarks>
/// Handlers never survive an exec, so a program starts with each signal either ignored or default. Before any managed
/// code runs, the .NET runtime ignores SIGPIPE and installs handlers on SIGTERM, SIGILL, SIGFPE, SIGBUS, SIGABRT,
/// SIGTRAP, SIGSEGV and SIGRTMIN even if they were ignored: for those a parent's SIG_IGN cannot be seen, and SIGPIPE
/// is never counted as given. Every other ignored signal is still seen as ignored: the runtime's other handlers
/// (SIGINT, SIGQUIT, SIGCHLD, SIGCONT, SIGWINCH, PosixSignalRegistration's) are not installed over SIG_IGN.
/// </remarks>
internal readonly record struct StartupSignals(ulong Ignored, ulong Blocked)
{
    // From asm/signal.h (checked against the headers with gcc: Tracing.Interop.Linux.Tests/Interop/StructLayout.c).
    internal const int SIGKILL = 9;
    internal const int SIGPIPE = 13;
    internal const int SIGSTOP = 19;
    internal const int SIGCHLD = 17;

    /// <summary>SIGPIPE, which the runtime ignores in every .NET process before Main.</summary>
    public const ulong RuntimeIgnored = 1UL << (SIGPIPE - 1);

    /// <summary>SIGKILL and SIGSTOP, whose disposition cannot be changed.</summary>
    private const ulong Unchangeable = (1UL << (SIGKILL - 1)) | (1UL << (SIGSTOP - 1));

    /// <summary>True when SIGCHLD was given as ignored: children then leave no exit status to wait for.</summary>
    public bool ChildExitsIgnored => (Ignored & (1UL << (SIGCHLD - 1))) != 0;

    /// <summary>Every signal the command gets with its default action: all but those given as ignored.</summary>
    public ulong Defaulted => ~(Ignored & ~RuntimeIgnored) & ~Unchangeable;

    /// <summary>Reads this process's <c>/proc/self/status</c>.</summary>
    public static StartupSignals Read()
    {
        var status = File.ReadAllBytes("/proc/self/status");
        return TryParse(status, out var signals)
            ? signals
            : throw new InvalidDataException("/proc/self/status has no SigIgn and SigBlk lines.");
    }

    /// <summary>Parses the <c>SigIgn</c> and <c>SigBlk</c> lines of a <c>/proc/PID/status</c> file.</summary>
    public static bool TryParse(ReadOnlySpan<byte> status, out StartupSignals signals)
    {
        signals = default;
        ulong? ignored = null, blocked = null;
        foreach (var range in status.Split((byte)'\n'))
        {
            var line = status[range];
            if (TryParseMask(line, "SigIgn:"u8, out var mask))
            {
                ignored = mask;
            }
            else if (TryParseMask(line, "SigBlk:"u8, out mask))
            {
                blocked = mask;
            }
        }

        if (ignored is not ulong i || blocked is not ulong b)
        {
            return false;
        }

        signals = new StartupSignals(i, b);
        return true;
    }

    private static bool TryParseMask(ReadOnlySpan<byte> line, ReadOnlySpan<byte> key, out ulong mask)
    {
        mask = 0;
        return line.StartsWith(key)
            && Utf8Parser.TryParse(line[key.Length..].Trim((byte)'\t').Trim((byte)' '), out mask, out var consumed, 'x')
            && consumed == line[key.Length..].Trim((byte)'\t').Trim((byte)' ').Length;
    }
}
