using System.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Exporter;

namespace Tracing.OpenTelemetry.Export;

/// <summary>The OTLP span exporter, telling its <see cref="ExportGate"/> how each batch went (a subclass, not a wrapper: the SDK gives the resource to the exporter it holds).</summary>
internal sealed class CountedOtlpTraceExporter(OtlpExporterOptions options, ExportGate gate) : OtlpTraceExporter(options)
{
    public override ExportResult Export(in Batch<Activity> batch)
    {
        ExportResult result;
        try
        {
            result = base.Export(batch);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // On the export thread an exception would end the process: a batch that cannot be sent is a failed one.
            result = ExportResult.Failure;
        }

        gate.OnExported(batch.Count, result == ExportResult.Success);
        return result;
    }
}
