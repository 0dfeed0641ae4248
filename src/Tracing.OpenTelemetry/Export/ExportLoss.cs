namespace Tracing.OpenTelemetry.Export;

/// <summary>What an <see cref="ExportGate"/> tells of.</summary>
internal enum ExportLoss
{
    /// <summary>Items refused: the queue was full.</summary>
    QueueFull,

    /// <summary>Items sent that the backend did not take, or still queued at the end.</summary>
    Failed,

    /// <summary>An export succeeded after one failed (no items lost).</summary>
    Recovered,
}
