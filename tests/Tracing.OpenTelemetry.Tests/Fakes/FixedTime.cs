namespace Tracing.OpenTelemetry.Tests.Fakes;

/// <summary>A clock stopped at <paramref name="now"/>.</summary>
internal sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
