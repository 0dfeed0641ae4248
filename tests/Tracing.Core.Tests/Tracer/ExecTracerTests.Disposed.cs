using Tracing.Events;
using Tracing.Tracer;

namespace Tracing.Core.Tests.Tracer;

/// <summary>A disposed tracer refuses new subscribers and readers, instead of taking them and delivering nothing.</summary>
public sealed partial class ExecTracerTests
{
    public static TheoryData<string> Subscriptions => ["Subscribe", "SubscribeInline", "SubscribeInline with a warm-up", "CreateReader", "ReadEventsAsync"];

    [Theory]
    [MemberData(nameof(Subscriptions))]
    public async Task Subscribing_after_DisposeAsync_throws_ObjectDisposedException(string subscription)
    {
        var tracer = CreateTracer();
        await tracer.DisposeAsync();

        Assert.Throws<ObjectDisposedException>(() => Subscribe(tracer, subscription));
    }

    [Theory]
    [MemberData(nameof(Subscriptions))]
    public async Task Subscribing_after_a_stop_still_works(string subscription)
    {
        await using var tracer = CreateTracer();
        await tracer.StartAsync();
        await tracer.StopAsync();

        Assert.NotNull(Subscribe(tracer, subscription));
    }

    [Fact]
    public void Subscribing_after_Dispose_throws_ObjectDisposedException()
    {
        var tracer = CreateTracer();
        tracer.Dispose();

        Assert.Throws<ObjectDisposedException>(() => tracer.Subscribe(_ => { }));
    }

    private static object Subscribe(ExecTracer tracer, string subscription) => subscription switch
    {
        "Subscribe" => tracer.Subscribe(_ => { }),
        "SubscribeInline" => tracer.SubscribeInline(_ => { }),
        "SubscribeInline with a warm-up" => tracer.SubscribeInline(_ => { }, () => { }),
        "CreateReader" => tracer.CreateReader(),
        "ReadEventsAsync" => tracer.ReadEventsAsync(),
        _ => throw new ArgumentOutOfRangeException(nameof(subscription), subscription, null),
    };
}
