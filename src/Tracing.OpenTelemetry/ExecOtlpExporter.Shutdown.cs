using Tracing.OpenTelemetry.Export;
using Tracing.Tracer;

namespace Tracing.OpenTelemetry;

/// <summary>The end of an export: the run's telemetry made, the collector given its time, what it did not take counted.</summary>
public sealed partial class ExecOtlpExporter
{
    /// <summary>
    /// Waits until the run's telemetry is made (stop the tracer first; a run still going is abandoned), ends the spans
    /// of programs still running, and gives the collector up to <see cref="ExecOtlpExporterOptions.ShutdownTimeout"/> to
    /// take what is queued; what it has not taken then is counted lost.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        if (!_telemetry.Completion.IsCompleted && !await FollowedToEndAsync(_options.ShutdownTimeout).ConfigureAwait(false))
        {
            _telemetry.Abandon();
        }

        await _telemetry.Completion.ConfigureAwait(false);
        _telemetry.Dispose();
        // A collector known to be down is not waited for the whole time: a retry in progress would only fail again.
        var timeout = (int)Math.Clamp(_options.ShutdownTimeout.TotalMilliseconds, 0, int.MaxValue);
        if (_spanGate.Failing || _recordGate.Failing || _requests.LastFailed)
        {
            timeout = Math.Min(timeout, (int)s_failingShutdown.TotalMilliseconds);
        }

        await Task.Run(() => Shut(timeout)).ConfigureAwait(false);
        if (Lost > 0)
        {
            ExportLog.Summary(_logger, _shownEndpoint, _recordGate.QueueFull + _recordGate.Failed, _spanGate.QueueFull + _spanGate.Failed,
                _recordGate.QueueFull + _spanGate.QueueFull, _recordGate.Failed + _spanGate.Failed);
        }
    }

    /// <summary>
    /// A stopped run's queue is complete: what is still in it is followed to its end. A run still going is not waited
    /// for, nor (bounded by <paramref name="within"/>) a queue for a next run that never began.
    /// </summary>
    private async Task<bool> FollowedToEndAsync(TimeSpan within)
    {
        if (!_tracer.HasStarted || _tracer.State is not (TracerState.Stopped or TracerState.Disposed))
        {
            return false;
        }

        try
        {
            await _telemetry.Completion.WaitAsync(within).ConfigureAwait(false);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    /// <summary>Both queues get the whole timeout, side by side; then what is left is counted and the pipeline let go.</summary>
    private void Shut(int timeoutMs)
    {
        Parallel.Invoke(
            () => _spanExport?.Shutdown(timeoutMs),
            () => _recordExport?.Shutdown(timeoutMs));
        _spanGate.Abandon();
        _recordGate.Abandon();
        _recordLoggers?.Dispose();
        _tracerProvider?.Dispose();
        _source?.Dispose();
        _requests.Dispose();
    }
}
