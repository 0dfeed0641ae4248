using Tracing.Tracer.Session;

namespace Tracing.Tracer;

/// <summary>Stopping: when asked, and by itself when what it traces is gone.</summary>
public sealed partial class ExecTracer
{
    /// <summary>Stops tracing promptly; subscribers' streams complete. Safe to call more than once.</summary>
    /// <param name="cancellationToken">Cancels the wait for another start or stop to finish.</param>
    /// <returns>A task that completes once the tracer has stopped.</returns>
    public Task StopAsync(CancellationToken cancellationToken = default) =>
        StopAsync(session: null, cancellationToken);

    /// <summary>
    /// Stops the current run (or, with <paramref name="session"/>, that run only: one that ended by itself, unless it
    /// was stopped or replaced meanwhile).
    /// </summary>
    private async Task StopAsync(TraceSession? session, CancellationToken cancellationToken = default)
    {
        await _lifecycle.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var stopping = _session;
            if (_state is not (TracerState.Running or TracerState.Starting) || stopping is null
                || (session is not null && (stopping != session || _state is not TracerState.Running)))
            {
                return;
            }

            _state = TracerState.Stopping;
            await stopping.StopAsync().ConfigureAwait(false);
            _state = TracerState.Stopped;
            if (session is null)
            {
                Log.Stopped(_context.Logger);
            }
            else
            {
                Log.ScopeEnded(_context.Logger);
            }
        }
        finally
        {
            _lifecycle.Release();
        }
    }
}
