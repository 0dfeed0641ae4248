using Tracing.Ports;

namespace Tracing.Darwin.Tests.Polling;

internal sealed class RecordingSink : IKernelEventSink
{
    private readonly Lock _gate = new();
    private readonly List<KernelEvent> _events = [];

    public int Prepared { get; private set; }

    public List<KernelEvent> Events
    {
        get
        {
            lock (_gate)
            {
                return [.. _events];
            }
        }
    }

    public Action<KernelEvent>? OnEach { get; set; }

    public void Prepare() => Prepared++;

    public void OnEvent(in KernelEvent kernelEvent)
    {
        lock (_gate)
        {
            _events.Add(kernelEvent);
        }

        OnEach?.Invoke(kernelEvent);
    }

    public void OnEventsLost(long count, bool exact)
    {
    }
}
