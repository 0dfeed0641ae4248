namespace Tracing.StormBench.Otlp;

/// <summary>What the null receiver has taken so far: requests and body bytes per signal, and anything else.</summary>
internal readonly record struct OtlpCounts(long LogRequests, long LogBytes, long TraceRequests, long TraceBytes, long OtherRequests)
{
    public long Bytes => LogBytes + TraceBytes;

    public static OtlpCounts operator -(OtlpCounts after, OtlpCounts before) => new(
        after.LogRequests - before.LogRequests,
        after.LogBytes - before.LogBytes,
        after.TraceRequests - before.TraceRequests,
        after.TraceBytes - before.TraceBytes,
        after.OtherRequests - before.OtherRequests);
}
