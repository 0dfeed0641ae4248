using System.Globalization;

namespace Tracing.Cli.Running;

/// <summary>
/// What exectrace's exit code means: the one table, printed by <c>--help</c> and copied into README.md (a test
/// compares them). With <c>-- COMMAND</c> the command's own code passes through, so a command can also exit with these.
/// </summary>
internal static class ExitCodes
{
    /// <summary>Tracing ended as asked.</summary>
    public const int Success = 0;

    /// <summary>Tracing could not start, or broke.</summary>
    public const int TracingFailed = 1;

    /// <summary>The command line asks for something that cannot work.</summary>
    public const int UsageError = 2;

    /// <summary>The container to trace exists but does not run.</summary>
    public const int ContainerNotRunning = 3;

    /// <summary>The command to run could not be started.</summary>
    public const int CommandNotStarted = 127;

    /// <summary>A signal stopped exectrace before its work was done.</summary>
    public const int Interrupted = 130;

    /// <summary>Each code and its meaning, in the order <c>--help</c> and README.md show them.</summary>
    public static IReadOnlyList<(string Code, string Meaning)> Table { get; } =
    [
        (Code(Success), "Tracing stopped on Ctrl-C or SIGTERM, the traced container stopped, or the reader of the output went away (such as head, having read enough)."),
        (Code(TracingFailed), "Tracing could not start or broke while running (the message names cause and remedy), or events could not be written (a closed stdout, a full disk): said once; a command runs on to its end first."),
        (Code(UsageError), "The command line asks for something that cannot work: an unknown option, a command not after --, an option value that does not parse, two scopes, no such process, cgroup or container (or a container name and no engine to ask), a --comm or --uid that could never match (a name over 15 bytes, an unknown user), an -o file that cannot be created."),
        (Code(ContainerNotRunning), "--container: the container exists but is not running. (One that stops while traced ends tracing with 0.)"),
        (Code(CommandNotStarted), "With -- COMMAND: the command could not be started (not found, not executable, a missing interpreter)."),
        (Code(Interrupted), "Ctrl-C or SIGTERM before tracing had started (as while -o waits for a FIFO's reader), or, with -- COMMAND, a second one before the command ended."),
        ("other", "With -- COMMAND: the command's own exit code (128 + N when signal N ended it), when exectrace itself did not fail; also when the reader of the output went away and the command ran on to its end. Without a command: 128 + N only for a signal N that arrived in the runtime's first milliseconds, before exectrace could catch it (143 for SIGTERM)."),
    ];

    private static string Code(int code) => code.ToString(CultureInfo.InvariantCulture);
}
