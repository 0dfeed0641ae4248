using OpenTelemetry.Exporter;
using Tracing.Events;
using Tracing.OpenTelemetry.Export;

namespace Tracing.OpenTelemetry;

/// <summary>Losses: counted in the tracer's metrics as they happen; a full queue said once, a failing collector once per outage.</summary>
public sealed partial class ExecOtlpExporter
{
    private void OnLost(ExportLoss loss, long count)
    {
        switch (loss)
        {
            case ExportLoss.QueueFull:
                _metrics?.ExportLost(LossReason.ExportQueueFull, count);
                if (Interlocked.Exchange(ref _queueFullSaid, 1) == 0)
                {
                    ExportLog.QueueFull(_logger, _shownEndpoint, _options.QueueSize);
                }

                break;
            case ExportLoss.Failed:
                _metrics?.ExportLost(LossReason.ExportFailed, count);
                if (Interlocked.Exchange(ref _failedSaid, 1) == 0)
                {
                    ExportLog.Failed(_logger, _shownEndpoint, count, _protocol == OtlpExportProtocol.Grpc ? "grpc" : "http/protobuf");
                }

                break;
            default:
                // Once per outage: after "works again", the next failure is said again.
                if (Interlocked.Exchange(ref _failedSaid, 0) != 0)
                {
                    ExportLog.Recovered(_logger, _shownEndpoint);
                }

                break;
        }
    }
}
