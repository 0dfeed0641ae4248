namespace Tracing.Events;

/// <summary>A process ended.</summary>
public sealed record ExitEvent : TraceEvent
{
    /// <summary>The parent process id at exit; 0 when unknown.</summary>
    public int ParentPid { get; init; }

    /// <summary>The exit code when the process exited normally; null when a signal ended it.</summary>
    public int? ExitCode { get; init; }

    /// <summary>The signal that ended the process; null when it exited normally.</summary>
    public int? Signal { get; init; }

    /// <summary>True when the process dumped core.</summary>
    public bool CoreDumped { get; init; }

    /// <summary>The raw wait status the kernel reported.</summary>
    public int RawStatus { get; init; }

    /// <summary>How long the process lived since its fork, when the tracer saw the fork.</summary>
    public TimeSpan? Lifetime { get; init; }

    /// <summary>The last command name the tracer knew for the process.</summary>
    public string? CommandName { get; init; }

    /// <summary>The container the process belonged to, as read at its exec; null for a host process or when not read.</summary>
    public ContainerInfo? Container { get; init; }

    /// <summary>The pid as the process saw it, in its own pid namespace, as read at its exec; null when not read.</summary>
    public int? NamespacePid { get; init; }

    /// <summary>Builds the status fields from a Linux-style wait status.</summary>
    /// <param name="status">The wait status, as <c>waitpid</c> gives it.</param>
    /// <returns>The exit code when the process exited; else the signal that ended it, and whether it dumped core.</returns>
    public static (int? ExitCode, int? Signal, bool CoreDumped) DecodeWaitStatus(int status)
    {
        var signal = status & 0x7F;
        return signal == 0
            ? ((status >> 8) & 0xFF, null, false)
            : (null, signal, (status & 0x80) != 0);
    }
}
