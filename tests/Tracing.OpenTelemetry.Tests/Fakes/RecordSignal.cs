using OpenTelemetry;
using OpenTelemetry.Logs;

namespace Tracing.OpenTelemetry.Tests.Fakes;

/// <summary>Signals each log record that reaches the pipeline: a test waits for one, never sleeps for it.</summary>
internal sealed class RecordSignal : BaseProcessor<LogRecord>
{
    private readonly SemaphoreSlim _records = new(0);

    public override void OnEnd(LogRecord data) => _records.Release();

    public Task<bool> WaitAsync(TimeSpan timeout) => _records.WaitAsync(timeout);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _records.Dispose();
        }

        base.Dispose(disposing);
    }
}
