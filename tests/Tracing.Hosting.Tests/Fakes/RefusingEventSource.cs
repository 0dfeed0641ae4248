using Tracing.Ports;

namespace Tracing.Hosting.Tests.Fakes;

/// <summary>A kernel that refuses the subscription, as one does inside a user namespace.</summary>
internal sealed class RefusingEventSource : IKernelEventSource
{
    public Task Completion => Task.CompletedTask;

    public ValueTask StartAsync(IKernelEventSink sink, KernelEventInterest interest, CancellationToken cancellationToken) =>
        ValueTask.FromException(new TracingUnavailableException("The kernel did not answer the proc connector subscription."));

    public ValueTask StopAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
