using Tracing.Cli.Output;

namespace Tracing.Cli.Running;

/// <summary>What exectrace says, once, when events can no longer be written, and what it means for the exit code.</summary>
internal static class OutputFailure
{
    /// <summary>True when a write failed because the reader went away (EPIPE), as after <c>exectrace | head</c>.</summary>
    public static bool IsBrokenPipe(Exception failure)
    {
        const int BrokenPipe = 32;
        return failure.HResult == BrokenPipe || failure.InnerException is { HResult: BrokenPipe };
    }

    /// <summary>
    /// The one line said when output fails, or null for a broken pipe (the reader having read enough is no fault).
    /// </summary>
    /// <param name="failure">Why the write failed.</param>
    /// <param name="outputPath">The <c>-o</c> file, or null for stdout.</param>
    /// <param name="runsCommand">True when a command runs: it is left to run to its end.</param>
    public static string? Describe(Exception failure, string? outputPath, bool runsCommand)
    {
        if (IsBrokenPipe(failure))
        {
            return null;
        }

        // EBADF on a closed stdout comes wrapped: the inner exception has the errno's words.
        var reason = failure is UnauthorizedAccessException { InnerException: IOException inner } ? inner.Message : failure.Message;
        var target = outputPath is null ? "standard output" : TerminalText.Printable(outputPath);
        // .NET appends " : 'PATH'" to the errno's words; the path is said once, first.
        var suffix = reason.LastIndexOf(" : '", StringComparison.Ordinal);
        reason = suffix > 0 ? reason[..suffix] : reason;
        var then = runsCommand
            ? "no more events are written; the command runs on to its end, then exectrace exits with 1."
            : "tracing stops (exit code 1).";
        return $"exectrace: cannot write events to {target}: {reason.TrimEnd('.', ' ')}; {then}";
    }
}
