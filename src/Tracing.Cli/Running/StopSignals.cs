using System.Runtime.InteropServices;

namespace Tracing.Cli.Running;

/// <summary>
/// SIGINT and SIGTERM during one run. Until the command is about to start, the first one stops the run. While a command
/// runs, the terminal's Ctrl-C reaches it too: exectrace waits for it to end, unless asked twice.
/// </summary>
internal sealed class StopSignals : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly PosixSignalRegistration _sigint;
    private readonly PosixSignalRegistration _sigterm;
    private readonly bool _runsCommand;
    private volatile bool _commandStarting;
    private int _count;

    public StopSignals(bool runsCommand)
    {
        _runsCommand = runsCommand;
        _sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        _sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
        if (EarlySignals.Received)
        {
            _stop.Cancel();
        }
    }

    /// <summary>Cancelled when the run should stop: a signal, or <see cref="Stop"/>.</summary>
    public CancellationToken Token => _stop.Token;

    /// <summary>From now on, with a command, the first signal is left to the command.</summary>
    public void CommandStarting() => _commandStarting = true;

    /// <summary>Stops the run. Never call it on the tracer's receive thread: stopping waits for that thread.</summary>
    public void Stop() => _stop.Cancel();

    public void Dispose()
    {
        _sigint.Dispose();
        _sigterm.Dispose();
        _stop.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        context.Cancel = true;
        if (!_runsCommand || !_commandStarting || Interlocked.Increment(ref _count) > 1)
        {
            _stop.Cancel();
        }
    }
}
