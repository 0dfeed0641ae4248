namespace Tracing.OpenTelemetry.Export;

/// <summary>
/// Keeps the OpenTelemetry SDK's batch queue from ever dropping silently: an item enters it only while fewer than its
/// capacity are queued or being sent (<see cref="TryAdmit"/>); those refused are counted here, as are those the
/// exporter sent and the backend did not take (<see cref="Exported"/>). One gate per signal and per queue.
/// </summary>
/// <param name="capacity">The batch processor's queue size.</param>
/// <param name="lost">Told of every loss as it is counted (on the admitting or the exporting thread).</param>
internal sealed class ExportGate(int capacity, Action<ExportLoss, long> lost)
{
    private long _inFlight;
    private long _queueFull;
    private long _failed;
    private long _exported;
    private int _failing;
    private int _abandoned;

    /// <summary>Items refused because the queue was full.</summary>
    public long QueueFull => Interlocked.Read(ref _queueFull);

    /// <summary>Items sent that the backend did not take.</summary>
    public long Failed => Interlocked.Read(ref _failed);

    /// <summary>Items the backend took.</summary>
    public long Exported => Interlocked.Read(ref _exported);

    /// <summary>Items admitted and not yet sent (or failed): at the end, what was still queued.</summary>
    public long InFlight => Interlocked.Read(ref _inFlight);

    /// <summary>True while the last export failed: the backend is down or refusing.</summary>
    public bool Failing => Volatile.Read(ref _failing) != 0;

    /// <summary>Whether one more item may enter the queue; a refusal is counted. One admitting thread.</summary>
    public bool TryAdmit()
    {
        if (Interlocked.Read(ref _inFlight) >= capacity)
        {
            Interlocked.Increment(ref _queueFull);
            lost(ExportLoss.QueueFull, 1);
            return false;
        }

        Interlocked.Increment(ref _inFlight);
        return true;
    }

    /// <summary>A batch left the queue: <paramref name="count"/> items, taken by the backend or not.</summary>
    public void OnExported(long count, bool succeeded)
    {
        if (Volatile.Read(ref _abandoned) != 0)
        {
            // Counted as failed when abandoned: an export that ends later changes nothing.
            return;
        }

        Interlocked.Add(ref _inFlight, -count);
        var wasFailing = Interlocked.Exchange(ref _failing, succeeded ? 0 : 1) != 0;
        if (succeeded)
        {
            Interlocked.Add(ref _exported, count);
            if (wasFailing)
            {
                lost(ExportLoss.Recovered, 0);
            }
        }
        else
        {
            Interlocked.Add(ref _failed, count);
            lost(ExportLoss.Failed, count);
        }
    }

    /// <summary>Counts what was still queued when export ended (the backend could not take it in time) as failed.</summary>
    public void Abandon()
    {
        Volatile.Write(ref _abandoned, 1);
        var left = Interlocked.Exchange(ref _inFlight, 0);
        if (left > 0)
        {
            Interlocked.Add(ref _failed, left);
            lost(ExportLoss.Failed, left);
        }
    }
}
