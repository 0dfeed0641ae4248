using System.Diagnostics.Metrics;
using Tracing.Events;
using Tracing.Tracer;

namespace Tracing.Core.Tests.Tracer;

/// <summary>
/// A listener's code never runs on the thread that receives the kernel's events (the fake pushes synchronously, on
/// the thread that calls it): it would delay the next exec's reads. Every measurement is still recorded by the time a stop returns.
/// </summary>
public sealed partial class ExecTracerTests
{
    [Fact]
    public async Task Measurements_reach_a_listener_off_the_receive_thread_and_all_of_them_by_the_stop()
    {
        using var meters = new PrivateMeterFactory();
        using var metrics = new ExecTracerMetrics(meters);
        var threads = new List<int>();
        long execs = 0;
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter == meters.Created)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            lock (threads)
            {
                threads.Add(Environment.CurrentManagedThreadId);
            }

            if (instrument.Name == "tracing.events")
            {
                Interlocked.Add(ref execs, value);
            }
        });
        listener.SetMeasurementEventCallback<double>((_, _, _, _) =>
        {
            lock (threads)
            {
                threads.Add(Environment.CurrentManagedThreadId);
            }
        });
        listener.Start();
        for (var pid = 300; pid < 310; pid++)
        {
            _processes.Add(pid, Self, "true", "/bin/true");
        }

        await using var tracer = new ExecTracer(_source, _processes.Reader, _clock, new ExecTracingOptions(), metrics: metrics);
        await tracer.StartAsync();

        // A thread of its own, as the receive thread is (the stop's own thread may record what is left).
        var receiver = new Thread(() =>
        {
            for (var pid = 300; pid < 310; pid++)
            {
                _source.Exec(pid, timestampNs: ClockNowNs - 1000);
            }
        });
        receiver.Start();
        receiver.Join();
        var receiving = receiver.ManagedThreadId;
        await tracer.StopAsync();

        Assert.Equal(10, Interlocked.Read(ref execs));
        lock (threads)
        {
            Assert.NotEmpty(threads);
            Assert.DoesNotContain(receiving, threads);
        }
    }

    [Fact]
    public async Task A_listener_that_throws_loses_its_measurements_and_nothing_else()
    {
        using var meters = new PrivateMeterFactory();
        using var metrics = new ExecTracerMetrics(meters);
        var calls = 0;
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter == meters.Created)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, _, _, _) =>
        {
            Interlocked.Increment(ref calls);
            throw new InvalidOperationException("a listener's bug");
        });
        listener.Start();
        _processes.Add(300, Self, "true", "/bin/true");
        _processes.Add(301, Self, "true", "/bin/true");

        await using var tracer = new ExecTracer(_source, _processes.Reader, _clock, new ExecTracingOptions(), metrics: metrics);
        var reader = tracer.CreateReader();
        await tracer.StartAsync();
        _source.Exec(300);
        _source.Exec(301);
        await tracer.StopAsync();

        var delivered = await DrainAsync(reader);
        Assert.Equal([300, 301], ExecPids(delivered));
        Assert.Equal(2, Volatile.Read(ref calls));
        Assert.True(tracer.Completion.IsCompletedSuccessfully);
    }
}
