using OpenTelemetry.Exporter;
using Tracing.Events;
using Tracing.OpenTelemetry.Export;

namespace Tracing.OpenTelemetry;

/// <summary>Losses: counted in the tracer's metrics as they happen, each kind said once.</summary>
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
                    ExportLog.QueueFull(_logger, Endpoint, _options.QueueSize);
                }

                break;
            case ExportLoss.Failed:
                _metrics?.ExportLost(LossReason.ExportFailed, count);
                if (Interlocked.Exchange(ref _failedSaid, 1) == 0)
                {
                    ExportLog.Failed(_logger, Endpoint, count, _protocol == OtlpExportProtocol.Grpc ? "grpc" : "http/protobuf");
                }

                break;
            default:
                if (Volatile.Read(ref _failedSaid) != 0 && Interlocked.Exchange(ref _recoveredSaid, 1) == 0)
                {
                    ExportLog.Recovered(_logger, Endpoint);
                }

                break;
        }
    }
}
