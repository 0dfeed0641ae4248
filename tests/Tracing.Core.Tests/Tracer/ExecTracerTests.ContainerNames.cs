using Tracing.Events;
using Tracing.Ports;
using Tracing.Tracer;

namespace Tracing.Core.Tests.Tracer;

/// <summary>Naming a container never stops the receive thread: events wait, in order, not the reads.</summary>
public sealed partial class ExecTracerTests
{
    [Fact]
    public async Task While_the_engine_is_asked_about_a_new_container_events_are_held_in_order_and_delivered_named()
    {
        AddWebContainer();
        var answer = new TaskCompletionSource<ContainerRecord?>(TaskCreationOptions.RunContinuationsAsynchronously);
        _containerEngine.Answer = (reference, _) => reference == s_webId ? answer.Task : Task.FromResult<ContainerRecord?>(null);
        await using var tracer = CreateContainerTracer(o => o.Details = ExecDetails.All);
        var reader = tracer.CreateReader();
        await tracer.StartAsync();

        _source.Exec(ContainerChild);
        _source.Exec(HostProcess);

        // Read at once (the process may be gone by the time the engine answers), delivered only once it has.
        Assert.False(reader.TryPeek(out _));
        _processes.Remove(ContainerChild);
        answer.SetResult(new ContainerRecord(s_webId, "web", "podman", Running: true, InitPid: ContainerInit));
        var first = (ExecEvent)await reader.ReadAsync().AsTask().WaitAsync(s_timeout);
        var second = (ExecEvent)await reader.ReadAsync().AsTask().WaitAsync(s_timeout);

        Assert.Equal((ContainerChild, ArgvSource.Complete, "web"), (first.Pid, first.ArgvSource, first.Container?.Name));
        Assert.Equal((HostProcess, null), (second.Pid, second.Container));
    }

    [Fact]
    public async Task Events_held_for_an_engine_that_never_answers_are_delivered_unnamed_when_tracing_stops()
    {
        AddWebContainer();
        _containerEngine.Answer = (_, _) => new TaskCompletionSource<ContainerRecord?>().Task;

        var events = await TraceContainerAsync(
            () =>
            {
                _source.Exec(ContainerChild);
                _source.Exec(HostProcess);
            },
            o => o.Details = ExecDetails.All);

        var execs = events.OfType<ExecEvent>().ToList();
        Assert.Equal([ContainerChild, HostProcess], execs.Select(e => e.Pid));
        Assert.Equal((s_webId, null, "podman"), (execs[0].Container?.Id, execs[0].Container?.Name, execs[0].Container?.Engine));
    }
}
