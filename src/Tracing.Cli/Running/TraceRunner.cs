using System.Runtime.InteropServices;
using Microsoft.Extensions.DependencyInjection;
using Tracing.Cli.Output;
using Tracing.Cli.Systemd;
using Tracing.Filtering;
using Tracing.Tracer;

namespace Tracing.Cli.Running;

/// <summary>
/// Runs one exectrace session: start tracing, tell the service manager it is live, print events, stop on a signal
/// or when the command ends. Every way it ends maps to one of <see cref="ExitCodes"/>.
/// </summary>
internal static class TraceRunner
{
    private static readonly TimeSpan s_stopGrace = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan s_fileFlushInterval = TimeSpan.FromMilliseconds(100);

    public static async Task<int> RunAsync(TraceSettings settings, TextWriter diagnostics)
    {
        ExecTraceFilter filter;
        try
        {
            filter = FilterFactory.Create(settings);
        }
        catch (UsageException e)
        {
            await diagnostics.WriteLineAsync($"exectrace: {e.Message}").ConfigureAwait(false);
            return ExitCodes.UsageError;
        }

        using var stop = new CancellationTokenSource();
        var signals = 0;
        void OnSignal(PosixSignalContext context)
        {
            context.Cancel = true;
            // With a command, the terminal's Ctrl-C reaches it too: wait for it to end, unless asked twice.
            if (!settings.RunsCommand || Interlocked.Increment(ref signals) > 1)
            {
                stop.Cancel();
            }
        }

        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);

        await using var output = EventOutput.Open(settings.OutputPath, diagnostics, out var toRegularFile);
        if (output is null)
        {
            return ExitCodes.UsageError;
        }

        var notifier = SystemdNotifier.FromEnvironment(diagnostics);
        await using var provider = TracerServices.Build(settings, filter);
        var tracer = provider.GetRequiredService<ExecTracer>();
        IEventFormatter formatter = settings.Json ? new JsonEventFormatter() : new TextEventFormatter(settings.ShowWorkingDirectory, settings.ShowUser);
        // Never cancel on the receive thread itself: stopping waits for that thread.
        // To a regular file lines are gathered for up to 0.1 s (one write per batch, not per exec); to a terminal or a
        // pipe, where someone may be watching, each goes at once.
        using var writer = new EventWriter(
            formatter, output, diagnostics, () => ThreadPool.QueueUserWorkItem(_ => stop.Cancel()), toRegularFile ? s_fileFlushInterval : null);
        using var subscription = tracer.SubscribeInline(writer.Write, writer.WarmUp);

        try
        {
            await tracer.StartAsync(stop.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (IsUserFacing(e))
        {
            await diagnostics.WriteLineAsync($"exectrace: {e.Message}").ConfigureAwait(false);
            await tracer.StopAsync(CancellationToken.None).ConfigureAwait(false);
            return e is CommandNotStartedException ? ExitCodes.CommandNotStarted : ExitCodes.TracingFailed;
        }
        catch (OperationCanceledException)
        {
            return ExitCodes.Interrupted;
        }

        // StartAsync returns once the kernel subscription is active and the tree is seeded (and, with a command, the
        // command started): an exec in scope from now on is reported.
        notifier.Ready(settings.DescribeScope(tracer.Command?.Pid));
        var exitCode = await WaitUntilDoneAsync(tracer, settings, writer, diagnostics, stop.Token).ConfigureAwait(false);
        notifier.Stopping("Stopping");

        // Lines are written from the receive thread: if stdout's reader stalled, that thread is stuck in write() and
        // stopping would wait for it forever. Give it a moment, then leave without it.
        var stopping = tracer.StopAsync(CancellationToken.None);
        if (await Task.WhenAny(stopping, Task.Delay(s_stopGrace)).ConfigureAwait(false) != stopping)
        {
            await diagnostics.WriteLineAsync("exectrace: the output is not being read; exiting without flushing it.").ConfigureAwait(false);
            Environment.Exit(exitCode);
        }

        await stopping.ConfigureAwait(false);
        writer.Complete();
        // EPIPE: the reader went away (`exectrace | head`); ending quietly is what it asked for.
        if (writer.Failure is { } failure && !EventOutput.IsBrokenPipe(failure))
        {
            await diagnostics.WriteLineAsync($"exectrace: cannot write events: {failure.Message}").ConfigureAwait(false);
            exitCode = exitCode == ExitCodes.Success ? ExitCodes.TracingFailed : exitCode;
        }

        if (tracer.SubscriberEventsDropped > 0)
        {
            await diagnostics.WriteLineAsync($"exectrace: {tracer.SubscriberEventsDropped} event(s) dropped because output could not keep up.").ConfigureAwait(false);
        }

        return exitCode;
    }

    /// <summary>Waits for the command to end, a stop (a signal, or the output failing), or tracing to fail.</summary>
    private static async Task<int> WaitUntilDoneAsync(
        ExecTracer tracer, TraceSettings settings, EventWriter writer, TextWriter diagnostics, CancellationToken stop)
    {
        try
        {
            if (settings.RunsCommand)
            {
                return await tracer.WaitForCommandAsync(stop).ConfigureAwait(false);
            }

            await tracer.Completion.WaitAsync(stop).ConfigureAwait(false);
            return ExitCodes.Success;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return writer.Failure switch
            {
                { } failure => EventOutput.IsBrokenPipe(failure) ? ExitCodes.Success : ExitCodes.TracingFailed,
                null => settings.RunsCommand ? ExitCodes.Interrupted : ExitCodes.Success,
            };
        }
        catch (Exception e) when (IsUserFacing(e))
        {
            await diagnostics.WriteLineAsync($"exectrace: tracing failed: {e.Message}").ConfigureAwait(false);
            return ExitCodes.TracingFailed;
        }
    }

    private static bool IsUserFacing(Exception e) =>
        e is CommandNotStartedException or TracingUnavailableException or UnauthorizedAccessException or ArgumentException
            or InvalidOperationException or IOException;
}
