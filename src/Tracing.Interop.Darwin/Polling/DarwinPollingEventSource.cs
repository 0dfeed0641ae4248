using System.Diagnostics;
using Tracing.Darwin.Sysctl;
using Tracing.Ports;
using Tracing.Sources;

namespace Tracing.Darwin.Polling;

/// <summary>
/// Process facts on macOS, where Endpoint Security needs Apple's entitlement: a dedicated thread reads the process
/// table (<c>KERN_PROC_ALL</c>) every interval and reports what changed since the last read as fork, exec and exit
/// events. A process that lives less than one interval is not seen.
/// </summary>
internal sealed partial class DarwinPollingEventSource : IKernelEventSource, IDisposable
{
    private readonly DarwinPollingOptions _options;
    private readonly ProcessSnapshotStore _store;
    private readonly ProcessTableReader _table;
    private readonly ProcArgsReader _arguments;
    private readonly IMonotonicClock _clock;
    private readonly TimeProvider _time;
    private readonly SourceThread _thread = new("sysctl poll", "polling source");

    // Set and cleared by the thread's lifecycle (under its lock): the poll loop waits on it between polls.
    private ManualResetEventSlim? _stop;

    /// <summary>Creates the source.</summary>
    /// <param name="options">The interval; validated here.</param>
    /// <param name="store">Where each poll's table goes, for the process-info reader; a private one when null.</param>
    /// <param name="sysctl">The sysctl seam; libSystem's when null (macOS only).</param>
    /// <param name="clock">The event clock; <see cref="DarwinMonotonicClock"/> when null.</param>
    /// <param name="timeProvider">The wall clock, to place a fork between two polls from its start time.</param>
    /// <exception cref="ArgumentOutOfRangeException">The interval is out of range.</exception>
    /// <exception cref="PlatformNotSupportedException">No <paramref name="sysctl"/> was given and this is not macOS.</exception>
    public DarwinPollingEventSource(
        DarwinPollingOptions? options = null,
        ProcessSnapshotStore? store = null,
        ISysctl? sysctl = null,
        IMonotonicClock? clock = null,
        TimeProvider? timeProvider = null)
    {
        _options = options ?? new DarwinPollingOptions();
        _options.ThrowIfInvalid(nameof(options));
        sysctl ??= OperatingSystem.IsMacOS() ? new LibSystemSysctl() : throw new PlatformNotSupportedException("The sysctl process table is macOS's.");
        _store = store ?? new ProcessSnapshotStore();
        _table = new ProcessTableReader(sysctl);
        _arguments = new ProcArgsReader(sysctl);
        _clock = clock ?? new DarwinMonotonicClock();
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public Task Completion => _thread.Completion;

    /// <summary>Polls done since the start, the baseline included.</summary>
    public long PollCount => Interlocked.Read(ref _pollCount);

    /// <inheritdoc />
    /// <remarks>Reads the baseline table before it returns: what exists then is never reported as new.</remarks>
    public ValueTask StartAsync(IKernelEventSink sink, KernelEventInterest interest, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sink);
        ManualResetEventSlim? stop = null;
        return _thread.StartAsync(
            () => _stop = stop = new ManualResetEventSlim(false),
            started => Run(sink, interest, stop!, started),
            () => StopAsync(CancellationToken.None),
            cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask StopAsync(CancellationToken cancellationToken) => _thread.StopAsync(
        () => _stop?.Set(),
        () =>
        {
            _stop?.Dispose();
            _stop = null;
        },
        cancellationToken);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => StopAsync(CancellationToken.None);

    /// <summary>Stops synchronously, for containers disposed with <c>using</c>.</summary>
    public void Dispose() => StopAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult();

    private void Run(IKernelEventSink sink, KernelEventInterest interest, ManualResetEventSlim stop, TaskCompletionSource started)
    {
        try
        {
            sink.Prepare();
            TakeBaseline();
        }
        catch (Exception e)
        {
            started.TrySetException(e);
            _thread.Complete();
            return;
        }

        started.TrySetResult();
        try
        {
            var interval = _options.Interval;
            var next = Stopwatch.GetTimestamp() + (long)(interval.TotalSeconds * Stopwatch.Frequency);
            while (true)
            {
                var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), next);
                if (stop.Wait(wait > TimeSpan.Zero ? wait : TimeSpan.Zero))
                {
                    break;
                }

                PollOnce(sink, interest);

                // A late poll does not make the next ones catch up in a burst: the schedule moves on.
                next += (long)(interval.TotalSeconds * Stopwatch.Frequency);
                var now = Stopwatch.GetTimestamp();
                if (next < now)
                {
                    next = now;
                }
            }

            _thread.Complete();
        }
        catch (Exception e)
        {
            _thread.Complete(e);
        }
    }
}
