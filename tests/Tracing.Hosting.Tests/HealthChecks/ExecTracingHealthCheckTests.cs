using Microsoft.Extensions.Diagnostics.HealthChecks;
using NSubstitute;
using Tracing.Filtering;
using Tracing.Hosting.HealthChecks;
using Tracing.Ports;
using Tracing.Tracer;
using Data = Tracing.Hosting.HealthChecks.ExecTracingHealthData;

namespace Tracing.Hosting.Tests.HealthChecks;

public class ExecTracingHealthCheckTests
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_running_tracer_that_lost_nothing_is_healthy()
    {
        await using var harness = new HealthCheckHarness();
        await harness.Tracer.StartAsync();
        harness.Source.Exec(300, timestampNs: 1);

        var entry = await harness.CheckAsync();

        Assert.Equal(HealthStatus.Healthy, entry.Status);
        AssertData(entry, "Running", kernelLost: 0, dropped: 0, sinceLastCheck: 0, scopeEnded: false);
        Assert.False(entry.Data.ContainsKey(Data.LastLoss));
        Assert.False(entry.Data.ContainsKey(Data.Failure));
    }

    [Fact]
    public async Task Kernel_losses_degrade_the_check_that_sees_them_and_those_within_the_window_after()
    {
        await using var harness = new HealthCheckHarness(check: o => o.LossWindow = TimeSpan.FromSeconds(30));
        await harness.Tracer.StartAsync();
        harness.Source.LoseEvents(7);

        var seen = await harness.CheckAsync();
        harness.Time.Advance(TimeSpan.FromSeconds(29));
        var within = await harness.CheckAsync();
        harness.Time.Advance(TimeSpan.FromSeconds(1));
        var after = await harness.CheckAsync();

        Assert.Equal(HealthStatus.Degraded, seen.Status);
        AssertData(seen, "Running", kernelLost: 7, dropped: 0, sinceLastCheck: 7, scopeEnded: false);
        Assert.Contains("since the last check (7)", seen.Description, StringComparison.Ordinal);
        Assert.Contains("less than", within.Description, StringComparison.Ordinal);
        Assert.Equal(HealthStatus.Degraded, within.Status);
        AssertData(within, "Running", kernelLost: 7, dropped: 0, sinceLastCheck: 0, scopeEnded: false);
        Assert.Equal(HealthStatus.Healthy, after.Status);
        AssertData(after, "Running", kernelLost: 7, dropped: 0, sinceLastCheck: 0, scopeEnded: false);
        Assert.Equal(within.Data[Data.LastLoss], after.Data[Data.LastLoss]);
    }

    [Fact]
    public async Task With_no_window_only_the_check_that_sees_a_loss_is_degraded()
    {
        await using var harness = new HealthCheckHarness(check: o => o.LossWindow = TimeSpan.Zero);
        await harness.Tracer.StartAsync();
        harness.Source.LoseEvents(2);

        Assert.Equal(HealthStatus.Degraded, (await harness.CheckAsync()).Status);
        Assert.Equal(HealthStatus.Healthy, (await harness.CheckAsync()).Status);
        harness.Source.LoseEvents(3);
        var again = await harness.CheckAsync();

        Assert.Equal(HealthStatus.Degraded, again.Status);
        AssertData(again, "Running", kernelLost: 5, dropped: 0, sinceLastCheck: 3, scopeEnded: false);
    }

    [Fact]
    public async Task Events_a_full_subscriber_queue_dropped_degrade_it()
    {
        const int Capacity = 16;
        const int Execs = 20;
        await using var harness = new HealthCheckHarness(tracing: o => o.QueueCapacity = Capacity);
        _ = harness.Tracer.CreateReader();   // never read
        await harness.Tracer.StartAsync();
        for (var i = 0; i < Execs; i++)
        {
            harness.Source.Exec(300, timestampNs: i + 1);
        }

        var entry = await harness.CheckAsync();

        Assert.Equal(HealthStatus.Degraded, entry.Status);
        AssertData(entry, "Running", kernelLost: 0, dropped: Execs - Capacity, sinceLastCheck: Execs - Capacity, scopeEnded: false);
    }

    [Theory]
    [InlineData(null, HealthStatus.Unhealthy)]
    [InlineData(HealthStatus.Degraded, HealthStatus.Degraded)]
    public async Task A_failed_source_reads_as_the_failure_status_with_its_message(HealthStatus? failureStatus, HealthStatus expected)
    {
        await using var harness = new HealthCheckHarness(check: o => o.FailureStatus = failureStatus);
        await harness.Tracer.StartAsync();
        var error = new IOException("The netlink socket was closed.");
        harness.Source.Fail(error);
        await Assert.ThrowsAsync<IOException>(() => harness.Tracer.Completion.WaitAsync(s_timeout));

        var entry = await harness.CheckAsync();

        Assert.Equal(expected, entry.Status);
        Assert.Same(error, entry.Exception);
        Assert.Equal(error.Message, entry.Data[Data.Failure]);
        Assert.Contains(error.Message, entry.Description, StringComparison.Ordinal);
        AssertData(entry, "Running", kernelLost: 0, dropped: 0, sinceLastCheck: 0, scopeEnded: false);
    }

    [Fact]
    public async Task Without_a_host_a_tracer_never_started_stopped_or_disposed_is_unhealthy()
    {
        await using var harness = new HealthCheckHarness();
        var never = await harness.CheckAsync();
        await harness.Tracer.StartAsync();
        await harness.Tracer.StopAsync();
        var stopped = await harness.CheckAsync();
        await harness.Tracer.DisposeAsync();
        var disposed = await harness.CheckAsync();

        Assert.Equal(HealthStatus.Unhealthy, never.Status);
        AssertData(never, "Stopped", kernelLost: 0, dropped: 0, sinceLastCheck: 0, scopeEnded: false);
        Assert.Equal(HealthStatus.Unhealthy, stopped.Status);
        AssertData(stopped, "Stopped", kernelLost: 0, dropped: 0, sinceLastCheck: 0, scopeEnded: false);
        Assert.Equal("Exec tracing is stopped.", stopped.Description);
        Assert.Equal(HealthStatus.Unhealthy, disposed.Status);
        AssertData(disposed, "Disposed", kernelLost: 0, dropped: 0, sinceLastCheck: 0, scopeEnded: false);
    }

    [Fact]
    public async Task A_run_whose_container_stopped_ended_normally_and_is_healthy()
    {
        await using var harness = new HealthCheckHarness(tracing: o => o.Filter = ExecTraceFilter.Container("web"));
        harness.Engine.FindAsync("web", Arg.Any<CancellationToken>()).Returns(new ContainerRecord(new string('a', 64), "web", "podman", Running: true, InitPid: 300));

        // The container's first process has no cgroup to read: it is gone, and the run ends as it starts.
        await harness.Tracer.StartAsync();
        await harness.Tracer.ScopeEnded.WaitAsync(s_timeout);
        await harness.Tracer.Completion.WaitAsync(s_timeout);
        var entry = await harness.CheckAsync();

        Assert.Equal(HealthStatus.Healthy, entry.Status);
        Assert.True((bool)entry.Data[Data.ScopeEnded]);
        Assert.Contains((string)entry.Data[Data.State], new[] { "Stopping", "Stopped" });
        Assert.Contains("a container stopped", entry.Description, StringComparison.Ordinal);
    }

    private static void AssertData(HealthReportEntry entry, string state, long kernelLost, long dropped, long sinceLastCheck, bool scopeEnded)
    {
        Assert.Equal(state, entry.Data[Data.State]);
        Assert.Equal(kernelLost, entry.Data[Data.KernelEventsLost]);
        Assert.Equal(dropped, entry.Data[Data.SubscriberEventsDropped]);
        Assert.Equal(sinceLastCheck, entry.Data[Data.EventsLostSinceLastCheck]);
        Assert.Equal(scopeEnded, entry.Data[Data.ScopeEnded]);
    }
}
