using OpenTelemetry.Metrics;

namespace Tracing.HostedWorker;

/// <summary>Sums what the OpenTelemetry SDK exported for one counter.</summary>
internal static class OpenTelemetryCount
{
    public static long Sum(IEnumerable<Metric> exported, string name)
    {
        long sum = 0;
        foreach (var metric in exported.Where(m => m.Name == name))
        {
            foreach (ref readonly var point in metric.GetMetricPoints())
            {
                sum += point.GetSumLong();
            }
        }

        return sum;
    }
}
