using System.Collections.Concurrent;
using System.Diagnostics;

namespace Tracing.OpenTelemetry.Tests.Fakes;

/// <summary>An <see cref="ActivitySource"/> of its own (a unique name) that a listener samples fully, and the spans it stopped.</summary>
internal sealed class SpanCapture : IDisposable
{
    private readonly ActivityListener _listener;

    public SpanCapture()
    {
        Source = new ActivitySource("Tracing.Tests." + Guid.NewGuid().ToString("N"));
        _listener = new ActivityListener
        {
            ShouldListenTo = source => ReferenceEquals(source, Source),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = Stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public ActivitySource Source { get; }

    public ConcurrentQueue<Activity> Stopped { get; } = new();

    /// <summary>What <see cref="Spans.ProcessSpans"/> hands an ended span to: stopped, as the bridge does.</summary>
    public static void Stop(Activity span) => span.Stop();

    public void Dispose()
    {
        _listener.Dispose();
        Source.Dispose();
    }
}
