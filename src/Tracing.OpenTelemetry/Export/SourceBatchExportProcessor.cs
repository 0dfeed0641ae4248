using System.Diagnostics;
using OpenTelemetry;

namespace Tracing.OpenTelemetry.Export;

/// <summary>
/// Batches the spans of one <see cref="ActivitySource"/> instance only. Every provider that adds the source name
/// <c>Tracing</c> listens to every source of that name: without this, two exporters in one process (two tracers) would
/// each send the other's spans too, and count them against a gate that never admitted them.
/// </summary>
internal sealed class SourceBatchExportProcessor(
    BaseExporter<Activity> exporter, ActivitySource source, int queueSize, int batchSize, int delayMs, int timeoutMs)
    : BatchActivityExportProcessor(exporter, queueSize, delayMs, timeoutMs, batchSize)
{
    public override void OnEnd(Activity data)
    {
        if (ReferenceEquals(data.Source, source))
        {
            base.OnEnd(data);
        }
    }
}
