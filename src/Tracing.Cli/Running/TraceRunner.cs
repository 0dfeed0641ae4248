using Microsoft.Extensions.DependencyInjection;
using Tracing.Cli.Output;
using Tracing.Cli.Systemd;
using Tracing.Filtering;
using Tracing.OpenTelemetry;
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
        IReadOnlyList<ExecCondition> conditions;
        ExecOtlpExporterOptions? otlpOptions;
        try
        {
            filter = FilterFactory.Create(settings);
            conditions = ConditionFactory.Create(settings);
            otlpOptions = OtlpExport.Options(settings);
        }
        catch (UsageException e)
        {
            // The message may quote what was typed (a name with escapes in it): never raw to the terminal.
            await diagnostics.WriteLineAsync(StartFailure.Describe(e)).ConfigureAwait(false);
            return ExitCodes.UsageError;
        }

        using var signals = new StopSignals(settings.RunsCommand);
        var notifier = SystemdNotifier.FromEnvironment(diagnostics);
        var opened = settings.Quiet ? (Stream.Null, false, null)
            : await OutputOpening.OpenAsync(settings.OutputPath, notifier, diagnostics, signals.Token).ConfigureAwait(false);
        if (opened.ExitCode is { } refused)
        {
            return refused;
        }

        await using var output = opened.Stream!;
        await using var provider = TracerServices.Build(settings, filter, conditions);
        var tracer = provider.GetRequiredService<ExecTracer>();

        // Disposed before the provider (which disposes the tracer), after the tracer has stopped: the run's telemetry is sent.
        await using var otlp = OtlpExport.Start(otlpOptions, provider, tracer);
        IEventFormatter formatter = settings.Json ? new JsonEventFormatter(settings.Tree)
            : new TextEventFormatter(settings.ShowWorkingDirectory, settings.ShowUser, new LocalTimeOfDay(), settings.ShowExecutable, settings.ShowEnvironment, settings.Tree);
        // Never cancel on the receive thread itself: stopping waits for that thread.
        // To a regular file lines are gathered for up to 0.1 s (one write per batch, not per exec); to a terminal or a
        // pipe, where someone may be watching, each goes at once.
        using var outputFailed = new CancellationTokenSource();
        var failureSaid = 0;

        // A failure of the last write (at completion) may be noticed after this method has disposed outputFailed.
        using var writer = new EventWriter(
            formatter, output, diagnostics, () => ThreadPool.QueueUserWorkItem(_ => CancelUnlessDisposed(outputFailed)), opened.ToRegularFile ? s_fileFlushInterval : null);

        // Said once, when it happens (or at the end, for the last write); with a command, the command runs on to its end
        // (as it would in a shell pipeline whose reader left), without one, tracing stops.
        void SayFailure()
        {
            if (Interlocked.Exchange(ref failureSaid, 1) == 0
                && OutputFailure.Describe(writer.Failure!, settings.OutputPath, settings.RunsCommand) is { } message)
            {
                diagnostics.WriteLine(message);
            }
        }

        using var onOutputFailed = outputFailed.Token.Register(() =>
        {
            SayFailure();
            if (!settings.RunsCommand)
            {
                signals.Stop();
            }
        });
        using var subscription = tracer.SubscribeInline(OtlpExport.Printed(settings, writer), writer.WarmUp);

        try
        {
            signals.CommandStarting();
            await tracer.StartAsync(signals.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (StartFailure.IsUserFacing(e))
        {
            await diagnostics.WriteLineAsync(StartFailure.Describe(e)).ConfigureAwait(false);
            await tracer.StopAsync(CancellationToken.None).ConfigureAwait(false);
            return StartFailure.ExitCodeOf(e);
        }
        catch (OperationCanceledException)
        {
            return ExitCodes.Interrupted;
        }

        // StartAsync returns once the kernel subscription is active and the tree is seeded (and, with a command, the
        // command started): an exec in scope from now on is reported.
        notifier.Ready(settings.DescribeScope(tracer.Command?.Pid));
        var exitCode = await WaitUntilDoneAsync(tracer, settings, writer, diagnostics, signals.Token).ConfigureAwait(false);
        notifier.Stopping("Stopping");
        if (tracer.ScopeEnded.IsCompletedSuccessfully && tracer.Completion.IsCompletedSuccessfully)
        {
            await diagnostics.WriteLineAsync($"exectrace: container {settings.Container} stopped; tracing ended.").ConfigureAwait(false);
        }

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
        // EPIPE: the reader went away (`exectrace | head`); ending quietly is what it asked for. Any other failure was
        // said when it happened, and is exectrace failing: 1, even when a command ran on and ended with its own code.
        if (writer.Failure is { } failure && !OutputFailure.IsBrokenPipe(failure))
        {
            SayFailure();
            exitCode = ExitCodes.TracingFailed;
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
                { } failure => OutputFailure.IsBrokenPipe(failure) ? ExitCodes.Success : ExitCodes.TracingFailed,
                null => settings.RunsCommand ? ExitCodes.Interrupted : ExitCodes.Success,
            };
        }
        catch (Exception e) when (StartFailure.IsUserFacing(e))
        {
            await diagnostics.WriteLineAsync(StartFailure.Describe(e, "tracing failed: ")).ConfigureAwait(false);
            return ExitCodes.TracingFailed;
        }
    }

    private static void CancelUnlessDisposed(CancellationTokenSource source)
    {
        try
        {
            source.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The run had ended; its end said the failure.
        }
    }
}
