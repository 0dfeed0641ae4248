using Tracing.Tracer.Session;

namespace Tracing.Tracer;

/// <summary>Stopping: when asked, and by itself when what it traces is gone; disposing.</summary>
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

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        await _lifecycle.WaitAsync().ConfigureAwait(false);
        try
        {
            _state = TracerState.Disposed;
            _session?.Command?.Dispose();
            await _context.Source.DisposeAsync().ConfigureAwait(false);
            if (_ownsMetrics)
            {
                _context.Metrics.Dispose();
            }
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    /// <summary>Stops and disposes synchronously, for containers disposed with <c>using</c>; prefer <see cref="DisposeAsync"/>.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();
}
