using Tracing.Events;
using Tracing.Filtering;

namespace Tracing.Core.Tests.Tracer;

public sealed partial class ExecTracerTests
{
    [Fact]
    public async Task A_throwing_callback_does_not_stop_other_callbacks_nor_later_events()
    {
        _processes.Add(200, 1, "a", "a");
        _processes.Add(201, 1, "b", "b");
        await using var tracer = CreateTracer();
        var throwingCalls = 0;
        var received = new List<TraceEvent>();
        using var throwing = tracer.Subscribe(_ =>
        {
            throwingCalls++;
            throw new InvalidOperationException("subscriber bug");
        });
        using var collecting = tracer.Subscribe(received.Add);

        await tracer.StartAsync();
        _source.Exec(200);
        _source.Exec(201);
        await tracer.StopAsync();

        Assert.Equal(2, throwingCalls);
        Assert.Equal([200, 201], ExecPids(received));
    }

    [Fact]
    public async Task A_disposed_subscription_receives_nothing_more()
    {
        _processes.Add(200, 1, "a", "a");
        await using var tracer = CreateTracer();
        var calls = 0;
        tracer.Subscribe(_ => calls++).Dispose();

        await tracer.StartAsync();
        _source.Exec(200);
        await tracer.StopAsync();

        Assert.Equal(0, calls);
    }

    [Fact]
    public async Task Lost_kernel_events_are_reported_and_counted()
    {
        await using var tracer = CreateTracer();
        var reader = tracer.CreateReader();
        await tracer.StartAsync();

        _source.LoseEvents(5, exact: true);
        _source.LoseEvents(2, exact: false);
        await tracer.StopAsync();

        var events = await DrainAsync(reader);
        Assert.Equal(7, tracer.KernelEventsLost);
        Assert.Collection(
            events,
            e => Assert.Equal((5, true), (Assert.IsType<EventsLostEvent>(e).Count, ((EventsLostEvent)e).IsExact)),
            e => Assert.Equal((2, false), (Assert.IsType<EventsLostEvent>(e).Count, ((EventsLostEvent)e).IsExact)));
        Assert.All(events, e => Assert.Equal(LossReason.KernelBufferOverflow, ((EventsLostEvent)e).Reason));
        Assert.All(events, e => Assert.Equal(ClockNowNs, e.KernelTimestampNs));
    }

    [Fact]
    public async Task Lost_kernel_events_resynchronise_the_process_tree()
    {
        AddRootWithDescendants();

        var events = await TraceAsync(
            () =>
            {
                // 15's fork was among the lost events; it is in /proc now.
                _processes.Add(15, 11, "ld", "ld");
                _source.LoseEvents(1);
                _source.Exec(15);
            },
            o => o.Filter = ExecTraceFilter.ProcessTree(Root));

        Assert.IsType<EventsLostEvent>(events[0]);
        Assert.Equal([15], ExecPids(events));
    }

    [Fact]
    public async Task A_faulted_source_faults_the_readers()
    {
        await using var tracer = CreateTracer();
        var reader = tracer.CreateReader();
        await tracer.StartAsync();
        var failure = new IOException("netlink socket failed");

        _source.Fail(failure);

        var error = await Assert.ThrowsAsync<IOException>(() => reader.Completion.WaitAsync(s_timeout));
        Assert.Same(failure, error);
        await Assert.ThrowsAsync<IOException>(() => tracer.Completion.WaitAsync(s_timeout));
    }

    [Fact]
    public async Task A_full_subscriber_queue_drops_and_counts_never_silently()
    {
        for (var pid = 200; pid < 240; pid++)
        {
            _processes.Add(pid, 1, "p", "p");
        }

        await using var tracer = CreateTracer(o => o.QueueCapacity = 16);
        var reader = tracer.CreateReader();
        await tracer.StartAsync();

        // Nobody reads until the end: at most 16 fit.
        for (var pid = 200; pid < 240; pid++)
        {
            _source.Exec(pid);
        }

        await tracer.StopAsync();
        var delivered = (await DrainAsync(reader)).Count;

        Assert.InRange(delivered, 1, 16);
        Assert.Equal(40, delivered + tracer.SubscriberEventsDropped);
    }

    [Fact]
    public async Task An_inline_subscribers_warm_up_runs_once_per_run_before_any_event_and_sees_no_made_up_event()
    {
        _processes.Add(200, 1, "a", "a");
        await using var tracer = CreateTracer(o => o.IncludeExits = true);
        var log = new List<string>();
        using var inline = tracer.SubscribeInline(e => log.Add($"event {e.Pid}"), () => log.Add("warm-up"));

        await tracer.StartAsync();
        _source.Exec(200);
        await tracer.StopAsync();
        await tracer.StartAsync();
        await tracer.StopAsync();

        Assert.Equal(["warm-up", "event 200", "warm-up"], log);
    }

    [Fact]
    public async Task A_throwing_warm_up_is_logged_and_tracing_goes_on()
    {
        _processes.Add(200, 1, "a", "a");
        await using var tracer = CreateTracer();
        var received = new List<TraceEvent>();
        using var inline = tracer.SubscribeInline(received.Add, () => throw new InvalidOperationException("warm-up bug"));

        await tracer.StartAsync();
        _source.Exec(200);
        await tracer.StopAsync();

        Assert.Equal([200], ExecPids(received));
    }
}
