using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tracing.Cli.Output;
using Tracing.Filtering;
using Tracing.Tracer;

namespace Tracing.Cli.Running;

/// <summary>Runs one exectrace session: start tracing, print events, stop on a signal or when the command ends.</summary>
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
            return 2;
        }

        using var stop = new CancellationTokenSource();
        var signals = 0;
        void OnSignal(PosixSignalContext context)
        {
            context.Cancel = true;
            // With a command, the terminal's Ctrl-C reaches it too: wait for it to end, unless asked twice.
            if (filter is not CommandFilter || Interlocked.Increment(ref signals) > 1)
            {
                stop.Cancel();
            }
        }

        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);

        await using var output = OpenOutput(settings.OutputPath, diagnostics);
        if (output is null)
        {
            return 2;
        }

        var services = new ServiceCollection()
            .AddLogging(logging => logging
                .SetMinimumLevel(LogLevel.Warning)
                .AddSimpleConsole(o => o.SingleLine = true)
                .AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace))
            .AddExecTracing(o =>
            {
                o.Filter = filter;
                o.IncludeExits = settings.Exits;
                // An exit line names the command; by the time the last thread exits the process may be reaped, so it is read at exec.
                o.Details = settings.Json ? ExecDetails.All
                    : (settings.ShowWorkingDirectory ? ExecDetails.WorkingDirectory : ExecDetails.None)
                    | (settings.ShowUser ? ExecDetails.Credentials : ExecDetails.None)
                    | (settings.Exits ? ExecDetails.CommandName : ExecDetails.None);
            });
        await using var provider = services.BuildServiceProvider();
        var tracer = provider.GetRequiredService<ExecTracer>();
        IEventFormatter formatter = settings.Json ? new JsonEventFormatter() : new TextEventFormatter(settings.ShowWorkingDirectory, settings.ShowUser);
        // Never cancel on the receive thread itself: stopping waits for that thread.
        // To a regular file lines are gathered for up to 0.1 s (one write per batch, not per exec); to a terminal or a
        // pipe, where someone may be watching, each goes at once.
        using var writer = new EventWriter(
            formatter, output, diagnostics, () => ThreadPool.QueueUserWorkItem(_ => stop.Cancel()), output.CanSeek ? s_fileFlushInterval : null);
        writer.WarmUp();
        using var subscription = tracer.SubscribeInline(writer.Write);

        try
        {
            await tracer.StartAsync(stop.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (IsUserFacing(e))
        {
            await diagnostics.WriteLineAsync($"exectrace: {e.Message}").ConfigureAwait(false);
            await tracer.StopAsync(CancellationToken.None).ConfigureAwait(false);
            return e is InvalidOperationException && filter is CommandFilter ? 127 : 1;
        }
        catch (OperationCanceledException)
        {
            return 130;
        }

        var exitCode = 0;
        try
        {
            if (filter is CommandFilter)
            {
                exitCode = await tracer.WaitForCommandAsync(stop.Token).ConfigureAwait(false);
            }
            else
            {
                await tracer.Completion.WaitAsync(stop.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            exitCode = filter is CommandFilter ? 130 : 0;
        }
        catch (Exception e) when (IsUserFacing(e))
        {
            await diagnostics.WriteLineAsync($"exectrace: tracing failed: {e.Message}").ConfigureAwait(false);
            exitCode = 1;
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
        // EPIPE: the reader went away (`exectrace | head`); ending quietly is what it asked for.
        const int BrokenPipe = 32;
        if (writer.Failure is not null && writer.Failure.HResult != BrokenPipe)
        {
            await diagnostics.WriteLineAsync($"exectrace: cannot write events: {writer.Failure.Message}").ConfigureAwait(false);
            exitCode = exitCode == 0 ? 1 : exitCode;
        }

        if (tracer.SubscriberEventsDropped > 0)
        {
            await diagnostics.WriteLineAsync($"exectrace: {tracer.SubscriberEventsDropped} event(s) dropped because output could not keep up.").ConfigureAwait(false);
        }

        return exitCode;
    }

    private static bool IsUserFacing(Exception e) =>
        e is TracingUnavailableException or UnauthorizedAccessException or ArgumentException or InvalidOperationException or IOException;

    // Unbuffered: each line is one write, made as the event arrives.
    private static Stream? OpenOutput(string? path, TextWriter diagnostics)
    {
        if (path is null)
        {
            // A pipe or terminal: a FileStream, which reports EPIPE (Console's stream swallows it, so
            // `exectrace | head` would never end). A regular file (`> out.txt`): Console's stream, which writes at the
            // descriptor's shared offset; a FileStream keeps an offset of its own and would overwrite what the traced
            // command writes to the same file.
            var stdout = new FileStream(new SafeFileHandle(1, ownsHandle: false), FileAccess.Write, bufferSize: 0);
            if (!stdout.CanSeek)
            {
                return stdout;
            }

            stdout.Dispose();
            return Console.OpenStandardOutput();
        }

        try
        {
            return new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, bufferSize: 0);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.WriteLine($"exectrace: cannot write {path}: {e.Message}");
            return null;
        }
    }
}
