using Tracing.Events;
using Tracing.Filtering;
using Tracing.Ports;
using Tracing.Tracer;

namespace Tracing.Core.Tests.Tracer;

public sealed partial class ExecTracerTests
{
    [Fact]
    public async Task StartAsync_twice_throws()
    {
        await using var tracer = CreateTracer();
        await tracer.StartAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() => tracer.StartAsync());
        Assert.Equal(TracerState.Running, tracer.State);
        Assert.Equal(1, _source.StartCount);
    }

    [Fact]
    public async Task StopAsync_twice_is_fine()
    {
        await using var tracer = CreateTracer();
        await tracer.StartAsync();

        await tracer.StopAsync();
        await tracer.StopAsync();

        Assert.Equal(TracerState.Stopped, tracer.State);
        Assert.False(_source.IsStarted);
    }

    [Fact]
    public async Task StopAsync_before_start_is_fine()
    {
        await using var tracer = CreateTracer();

        await tracer.StopAsync();

        Assert.Equal(TracerState.Stopped, tracer.State);
        Assert.Equal(0, _source.StopCount);
    }

    [Fact]
    public async Task HasStarted_once_a_run_started_and_from_then_on_and_not_for_a_start_that_failed()
    {
        _containerEngine.Add(new ContainerRecord(s_webId, "web", "podman", Running: false, InitPid: null));
        await using var refused = CreateContainerTracer(o => o.Filter = ExecTraceFilter.Container("web"));
        await using var tracer = CreateTracer();
        var before = tracer.HasStarted;

        await Assert.ThrowsAsync<ContainerLookupException>(() => refused.StartAsync());
        await tracer.StartAsync();
        var running = tracer.HasStarted;
        await tracer.StopAsync();

        Assert.False(before);
        Assert.False(refused.HasStarted);
        Assert.True(running);
        Assert.True(tracer.HasStarted);
    }

    [Fact]
    public async Task Start_after_stop_works()
    {
        _processes.Add(200, 1, "first", "first");
        _processes.Add(201, 1, "second", "second");
        await using var tracer = CreateTracer();
        var firstRun = tracer.CreateReader();
        await tracer.StartAsync();
        _source.Exec(200);
        await tracer.StopAsync();

        var secondRun = tracer.CreateReader();
        await tracer.StartAsync();
        _source.Exec(201);
        await tracer.StopAsync();

        var first = await DrainAsync(firstRun);
        var second = await DrainAsync(secondRun);

        Assert.Equal([200], ExecPids(first));
        Assert.Equal([201], ExecPids(second));
        Assert.Equal(2, _source.StartCount);
    }

    [Fact]
    public async Task CreateReader_completes_after_StopAsync()
    {
        await using var tracer = CreateTracer();
        var reader = tracer.CreateReader();
        await tracer.StartAsync();

        await tracer.StopAsync();

        await reader.Completion.WaitAsync(s_timeout);
        Assert.True(reader.Completion.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task ReadEventsAsync_yields_events_then_completes_after_StopAsync()
    {
        _processes.Add(200, 1, "ls", "ls");
        await using var tracer = CreateTracer();
        await tracer.StartAsync();
        await using var events = tracer.ReadEventsAsync().GetAsyncEnumerator();

        // The first MoveNextAsync subscribes before it waits.
        var first = events.MoveNextAsync();
        _source.Exec(200);
        Assert.True(await first.AsTask().WaitAsync(s_timeout));
        Assert.Equal(200, Assert.IsType<ExecEvent>(events.Current).Pid);

        var next = events.MoveNextAsync();
        await tracer.StopAsync();

        Assert.False(await next.AsTask().WaitAsync(s_timeout));
    }

    [Fact]
    public async Task Invalid_options_are_refused_naming_the_setting()
    {
        await using var tracer = CreateTracer(o => o.QueueCapacity = 0);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => tracer.StartAsync());

        Assert.Contains(nameof(ExecTracingOptions.QueueCapacity), error.Message, StringComparison.Ordinal);
        Assert.Equal(0, _source.StartCount);
        Assert.Equal(TracerState.Stopped, tracer.State);
    }

    [Fact]
    public void Options_validation_names_each_setting()
    {
        var options = new ExecTracingOptions { QueueCapacity = 0, Filter = Tracing.Filtering.ExecTraceFilter.Cgroup("relative") };

        var errors = options.GetValidationErrors();

        Assert.Equal(2, errors.Count);
        Assert.Contains(errors, e => e.StartsWith("Filter:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("QueueCapacity", StringComparison.Ordinal));
        Assert.Empty(new ExecTracingOptions().GetValidationErrors());
    }

    [Fact]
    public async Task DisposeAsync_stops_and_disposes_the_source()
    {
        var tracer = CreateTracer();
        await tracer.StartAsync();

        await tracer.DisposeAsync();

        Assert.Equal(TracerState.Disposed, tracer.State);
        Assert.False(_source.IsStarted);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => tracer.StartAsync());
    }
}
