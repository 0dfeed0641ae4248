using System.Diagnostics.Metrics;
using Tracing.Events;
using Tracing.Filtering;
using Tracing.Tracer;

namespace Tracing.Core.Tests.Tracer;

/// <summary>Issue 5's faults that need a fake kernel: PID reuse and a subscriber that never reads.</summary>
public sealed partial class ExecTracerTests
{
    [Fact]
    public async Task Pid_reuse_after_a_seen_exit_is_not_tracked_by_a_process_tree_filter()
    {
        AddRootWithDescendants();
        _processes.Add(13, 12, "as", "as");

        var events = await TraceAsync(
            () =>
            {
                _source.Exec(13);        // tracked: a descendant of the root
                _source.Exit(13, 0, 5, parentPid: 12);
                _processes.Remove(13);

                // The kernel hands pid 13 to an unrelated child of sshd.
                _processes.Add(13, 20, "intruder", "intruder");
                _source.Fork(20, 13, 6);
                _source.Exec(13);
            },
            o => o.Filter = ExecTraceFilter.ProcessTree(Root));

        var exec = Assert.Single(events.OfType<ExecEvent>());
        Assert.Equal(["as"], exec.Arguments.Strings);
    }

    [Fact]
    public async Task Pid_reuse_after_an_exit_the_kernel_lost_is_not_tracked_by_a_process_tree_filter()
    {
        AddRootWithDescendants();
        _processes.Add(13, 12, "as", "as");

        var events = await TraceAsync(
            () =>
            {
                _source.Exec(13);
                // 13's exit never arrives (lost, not even counted yet); its pid is reused outside the tree.
                _processes.Remove(13);
                _processes.Add(13, 20, "intruder", "intruder");
                _source.Fork(20, 13, 6);
                _source.Exec(13);
                _source.Exit(13, 0, 7, parentPid: 20);
            },
            o =>
            {
                o.Filter = ExecTraceFilter.ProcessTree(Root);
                o.IncludeExits = true;
            });

        Assert.Equal(["as"], Assert.Single(events.OfType<ExecEvent>()).Arguments.Strings);
        Assert.Empty(events.OfType<ExitEvent>());
    }

    [Fact]
    public async Task Pid_reuse_does_not_carry_the_old_process_identity_into_its_exit()
    {
        _processes.Add(300, 1, "old", "old");

        var events = await TraceAsync(
            () =>
            {
                _source.Fork(1, 300, 1_000);
                _source.Exec(300, 1_500);
                _source.Exit(300, 0, 2_000, parentPid: 1);
                _processes.Remove(300);
                _processes.Add(300, 1, "new", "new");
                _source.Fork(1, 300, 10_000);
                _source.Exec(300, 10_500);
                _source.Exit(300, 256, 12_000, parentPid: 1);
            },
            o => o.IncludeExits = true);

        var exits = events.OfType<ExitEvent>().ToList();
        Assert.Equal(2, exits.Count);
        Assert.Equal(("new", 1, TimeSpan.FromTicks(20)), (exits[1].CommandName, exits[1].ExitCode, exits[1].Lifetime!.Value));
    }

    [Fact]
    public async Task A_subscriber_that_never_reads_loses_exactly_what_is_counted_and_nobody_else_loses_anything()
    {
        const int Capacity = 16;
        const int Execs = 200;
        for (var pid = 200; pid < 200 + Execs + 1; pid++)
        {
            _processes.Add(pid, 1, "p", "p");
        }

        using var meters = new PrivateMeterFactory();
        using var metrics = new ExecTracerMetrics(meters);
        long droppedMetric = 0;
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter == meters.Created && instrument.Name == "tracing.events.lost")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag is { Key: "tracing.loss.reason", Value: "subscriber_queue_full" })
                {
                    Interlocked.Add(ref droppedMetric, value);
                }
            }
        });
        listener.Start();

        await using var tracer = new ExecTracer(_source, _processes.Reader, _clock, new ExecTracingOptions { QueueCapacity = Capacity }, metrics: metrics);
        var stuck = tracer.CreateReader();
        var reader = tracer.CreateReader();
        var callbackCount = 0;
        var inlineCount = 0;
        using var callbacks = new SemaphoreSlim(0);
        using var callback = tracer.Subscribe(_ =>
        {
            Interlocked.Increment(ref callbackCount);
            callbacks.Release();
        });
        using var inline = tracer.SubscribeInline(_ => inlineCount++);
        await tracer.StartAsync();

        // Batches smaller than the queues, each consumed before the next: only the stuck reader falls behind.
        var read = new List<TraceEvent>();
        for (var batch = 0; batch < Execs / 8; batch++)
        {
            for (var i = 0; i < 8; i++)
            {
                _source.Exec(200 + (batch * 8) + i);
            }

            while (read.Count < (batch + 1) * 8)
            {
                read.Add(await reader.ReadAsync().AsTask().WaitAsync(s_timeout));
            }

            // The callback subscriber has had the batch too: one signal per event it got.
            for (var i = 0; i < 8; i++)
            {
                Assert.True(await callbacks.WaitAsync(s_timeout), "the callback fell behind");
            }
        }

        // Still running after 184 drops: a later event reaches the readers that keep up.
        Assert.Equal(TracerState.Running, tracer.State);
        _source.Exec(200 + Execs);
        read.Add(await reader.ReadAsync().AsTask().WaitAsync(s_timeout));
        await tracer.StopAsync();
        var stuckGot = await DrainAsync(stuck);

        Assert.Equal(Capacity, stuckGot.Count);
        Assert.Equal([.. Enumerable.Range(200, Capacity)], ExecPids(stuckGot));
        Assert.Equal(Execs + 1 - Capacity, tracer.SubscriberEventsDropped);
        Assert.Equal(tracer.SubscriberEventsDropped, Interlocked.Read(ref droppedMetric));
        Assert.Equal([.. Enumerable.Range(200, Execs + 1)], ExecPids(read));
        Assert.Equal(Execs + 1, Volatile.Read(ref callbackCount));
        Assert.Equal(Execs + 1, inlineCount);
    }

    [Fact]
    public async Task With_DropOldest_a_full_queue_keeps_the_newest_events_and_counts_every_drop()
    {
        const int Capacity = 16;
        const int Execs = 201;
        for (var pid = 200; pid < 200 + Execs; pid++)
        {
            _processes.Add(pid, 1, "p", "p");
        }

        await using var tracer = CreateTracer(o =>
        {
            o.QueueCapacity = Capacity;
            o.QueueFullMode = QueueFullMode.DropOldest;
        });
        var stuck = tracer.CreateReader();
        await tracer.StartAsync();
        for (var pid = 200; pid < 200 + Execs; pid++)
        {
            _source.Exec(pid);
        }

        Assert.Equal(Execs - Capacity, tracer.SubscriberEventsDropped);
        await tracer.StopAsync();
        var kept = await DrainAsync(stuck);

        Assert.Equal([.. Enumerable.Range(200 + Execs - Capacity, Capacity)], ExecPids(kept));
    }

    /// <summary>Gives the tracer a meter of its own, so a listener hears this test's tracer and no other.</summary>
    private sealed class PrivateMeterFactory : IMeterFactory
    {
        public Meter? Created { get; private set; }

        public Meter Create(MeterOptions options) => Created = new Meter(options);

        public void Dispose() => Created?.Dispose();
    }
}
