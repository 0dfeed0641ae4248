using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;

namespace Tracing.OpenTelemetry.Export;

/// <summary>
/// The OTLP log exporter, telling its <see cref="ExportGate"/> how each batch went. <see cref="OtlpLogExporter"/> is
/// sealed, so this wraps it; the SDK gives the resource to the exporter it holds (this one), and the wrapped one reads
/// it from its own parent provider, so that is handed on before the first batch (a test checks the resource arrives).
/// </summary>
internal sealed class CountedOtlpLogExporter(OtlpExporterOptions options, ExportGate gate) : BaseExporter<LogRecord>
{
    private readonly OtlpLogExporter _inner = new(options);
    private bool _linked;

    public override ExportResult Export(in Batch<LogRecord> batch)
    {
        ExportResult result;
        try
        {
            // In the try: an SDK whose setter is gone (MissingMethodException) fails batches, counted, and a test.
            if (!_linked && ParentProvider is { } provider)
            {
                ExporterAccess<LogRecord>.SetParentProvider(_inner, provider);
                _linked = true;
            }

            result = _inner.Export(batch);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // On the export thread an exception would end the process: a batch that cannot be sent is a failed one.
            result = ExportResult.Failure;
        }

        gate.OnExported(batch.Count, result == ExportResult.Success);
        return result;
    }

    protected override bool OnForceFlush(int timeoutMilliseconds) => _inner.ForceFlush(timeoutMilliseconds);

    protected override bool OnShutdown(int timeoutMilliseconds) => _inner.Shutdown(timeoutMilliseconds);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
