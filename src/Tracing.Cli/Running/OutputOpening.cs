using Tracing.Cli.Output;
using Tracing.Cli.Systemd;

namespace Tracing.Cli.Running;

/// <summary>Opening exectrace's output, which may wait (a FIFO waits for its reader) and must still give way to a signal.</summary>
internal static class OutputOpening
{
    /// <summary>
    /// Opens the output on another thread, so a signal still ends the wait for a FIFO's reader (open blocks until one
    /// comes); says so under systemd. The stream, or the exit code when it cannot be opened or a signal came first.
    /// </summary>
    public static async Task<(Stream? Stream, bool ToRegularFile, int? ExitCode)> OpenAsync(
        string? path, SystemdNotifier notifier, TextWriter diagnostics, CancellationToken stop)
    {
        if (path is not null)
        {
            notifier.Status($"Opening {path} (a FIFO waits for its reader)");
        }

        var opening = Task.Run(() => (EventOutput.Open(path, diagnostics, out var toRegularFile), toRegularFile), CancellationToken.None);
        try
        {
            var (stream, toRegularFile) = await opening.WaitAsync(stop).ConfigureAwait(false);
            return (stream, toRegularFile, stream is null ? ExitCodes.UsageError : null);
        }
        catch (OperationCanceledException)
        {
            // The thread may stay blocked in open(); it is a pool thread and does not keep the process alive.
            _ = opening.ContinueWith(static t => t.Result.Item1?.Dispose(), TaskScheduler.Default);
            await diagnostics.WriteLineAsync(path is null
                ? "exectrace: stopped by a signal before tracing had started."
                : $"exectrace: stopped by a signal while opening {TerminalText.Printable(path)} (a FIFO with no reader?); nothing was traced.").ConfigureAwait(false);
            return (null, false, ExitCodes.Interrupted);
        }
    }

}
