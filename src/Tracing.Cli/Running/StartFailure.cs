using Tracing.Cli.Output;
using Tracing.Ports;

namespace Tracing.Cli.Running;

/// <summary>Which failures exectrace says in one line (their messages name cause and remedy), and the code each ends with.</summary>
internal static class StartFailure
{
    /// <summary>True for the failures whose message is for the user; anything else is a bug and keeps its stack.</summary>
    public static bool IsUserFacing(Exception e) =>
        e is CommandNotStartedException or ContainerLookupException or TracingUnavailableException or UnauthorizedAccessException
            or ArgumentException or InvalidOperationException or IOException;

    /// <summary>
    /// The one line exectrace says for <paramref name="e"/>, its message after <paramref name="lead"/>. Both may quote a path the user gave; the message may quote what an engine answered (a container's
    /// name, an error, a status line), which a hostile or broken engine can fill with terminal escapes: every control
    /// character is written as <c>\xNN</c>, so none reaches the terminal raw.
    /// </summary>
    public static string Describe(Exception e, string lead = "") =>
        "exectrace: " + TerminalText.Printable(lead + e.Message);

    /// <summary>The exit code when tracing could not start because of <paramref name="e"/>.</summary>
    public static int ExitCodeOf(Exception e) => e switch
    {
        CommandNotStartedException => ExitCodes.CommandNotStarted,
        ContainerLookupException { Failure: ContainerLookupFailure.NotRunning } => ExitCodes.ContainerNotRunning,
        ContainerLookupException => ExitCodes.UsageError,
        _ => ExitCodes.TracingFailed,
    };
}
