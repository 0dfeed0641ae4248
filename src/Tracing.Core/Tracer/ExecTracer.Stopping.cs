using Tracing.Tracer.Session;

namespace Tracing.Tracer;

/// <summary>Stopping: when asked, and by itself when what it traces is gone.</summary>
public sealed partial class ExecTracer
{
    /// <summary>Stops tracing promptly; subscribers' streams complete. Safe to call more than once.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        await _lifecycle.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_state is not (TracerState.Running or TracerState.Starting) || _session is null)
            {
                return;
            }

            _state = TracerState.Stopping;
            await _session.StopAsync().ConfigureAwait(false);
            _state = TracerState.Stopped;
            Log.Stopped(_context.Logger);
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    // Stops the run that ended by itself, unless it was stopped (or replaced) meanwhile.
    private async Task StopRunAsync(TraceSession session)
    {
        await _lifecycle.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_session != session || _state is not TracerState.Running)
            {
                return;
            }

            _state = TracerState.Stopping;
            await session.StopAsync().ConfigureAwait(false);
            _state = TracerState.Stopped;
            Log.ScopeEnded(_context.Logger);
        }
        finally
        {
            _lifecycle.Release();
        }
    }
}
