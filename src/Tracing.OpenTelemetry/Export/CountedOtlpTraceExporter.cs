using System.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Exporter;

namespace Tracing.OpenTelemetry.Export;

/// <summary>The OTLP span exporter, telling its <see cref="ExportGate"/> how each batch went (a subclass, not a wrapper: the SDK gives the resource to the exporter it holds).</summary>
internal sealed class CountedOtlpTraceExporter(OtlpExporterOptions options, ExportGate gate) : OtlpTraceExporter(options)
{
    public override ExportResult Export(in Batch<Activity> batch)
    {
        var result = base.Export(batch);
        gate.OnExported(batch.Count, result == ExportResult.Success);
        return result;
    }
}
