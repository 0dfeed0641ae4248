using System.Runtime.CompilerServices;
using Tracing.Linux.Bpf.Btf;
using Tracing.Linux.Bpf.Events;
using Tracing.Linux.Bpf.RingBuffers;
using Tracing.Ports;

namespace Tracing.Linux.Bpf.Source;

internal sealed partial class BpfEventSource
{
    /// <summary>
    /// The receive thread: warm up, read the kernel's struct layout, load and attach the programs, then read the ring
    /// until stopped, and detach everything. Start completes once attached, or with the failure.
    /// </summary>
    private void Run(IKernelEventSink sink, KernelEventInterest interest, KernelScope scope, TaskCompletionSource started)
    {
        BpfProbeSet probes;
        try
        {
            BpfRecordDecoder.WarmUp();
            sink.Prepare();
            probes = BpfProbeSet.Open(_options, interest, LoadLayout, scope);
        }
        catch (Exception e)
        {
            started.TrySetException(BpfFailures.Explain(e));
            _thread.Complete();
            return;
        }

        lock (_gate)
        {
            _ring = probes.Ring;
            if (_stopping)
            {
                probes.Ring.Wake();
            }
        }

        Exception? failure = null;
        try
        {
            Log.Attached(_logger, probes.Programs.Count, _options.RingBufferBytes, _options.MaxArgumentBytes);
            if (probes.NotNarrowed is { } reason)
            {
                Log.NotNarrowed(_logger, scope.UnifiedCgroup!, reason);
            }

            started.TrySetResult();
            var prompt = interest.HasFlag(KernelEventInterest.Prompt);
            if (prompt)
            {
                RaisePriority();
            }

            ReceiveLoop(probes, sink, prompt ? TimeSpan.Zero : _options.WakeupDelay);
        }
        catch (Exception e)
        {
            failure = e;
        }
        finally
        {
            lock (_gate)
            {
                _ring = null;
            }

            probes.Dispose();
        }

        _thread.Complete(failure);
    }

    /// <summary>Best effort: a thread that wakes first reads a process's files before a short-lived one is gone.</summary>
    private void RaisePriority()
    {
        if (_options.RealtimePriority > 0 && Interop.Libc.SchedSetScheduler(0, Interop.Libc.SCHED_FIFO, _options.RealtimePriority) != 0)
        {
            Log.RealtimeRefused(_logger);
        }
    }

    // The running kernel's BTF does not change: read (5.5 MB) once per process, not at every start.
    private static KernelStructLayout LoadLayout()
    {
        if (s_layout is { } known)
        {
            return known;
        }

        return s_layout = KernelStructLayout.TryLoad(out var layout, out var error)
            ? layout
            : throw new TracingUnavailableException($"The eBPF source cannot read the kernel's struct layout: {error}");
    }

    /// <summary>
    /// Reads every record there is, reports what the ring lost, then waits for the kernel's wake-up and lets a batch
    /// gather (<paramref name="delay"/>: <see cref="BpfSourceOptions.WakeupDelay"/>, none when the tracer reads each
    /// process at once, <see cref="KernelEventInterest.Prompt"/>) before reading again. A stop wakes the wait at once.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ReceiveLoop(BpfProbeSet probes, IKernelEventSink sink, TimeSpan delay)
    {
        var ring = probes.Ring;
        var delivery = new RecordDelivery(sink, probes.InScope);
        long lostReported = 0;
        long undecodableReported = 0;
        while (true)
        {
            ring.Drain(ref delivery);
            lostReported = ReportLoss(probes.ReadLost(), lostReported, sink);
            if (delivery.Undecodable != undecodableReported)
            {
                Log.Undecodable(_logger, delivery.Undecodable - undecodableReported);
                undecodableReported = delivery.Undecodable;
            }

            // A stop asked after the drain, or while waiting (the wait may see data and the stop's wake at once).
            if (_stopping || ring.Wait(-1) == WaitResult.Woken || _stopping)
            {
                // Whatever the programs wrote before the stop is still delivered.
                ring.Drain(ref delivery);
                ReportLoss(probes.ReadLost(), lostReported, sink);
                return;
            }

            if (delay > TimeSpan.Zero)
            {
                Thread.Sleep(delay);
            }
        }
    }

    private static long ReportLoss(long lost, long reported, IKernelEventSink sink)
    {
        if (lost > reported)
        {
            sink.OnEventsLost(lost - reported, exact: true);
        }

        return Math.Max(lost, reported);
    }
}
