using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Tracing.Events;
using Tracing.Filtering;
using Tracing.Ports;

namespace Tracing.Tracer;

/// <summary>
/// Composes a platform's kernel event source and process-info reader into exec (and exit) events for the
/// processes its filter selects, delivered as async streams and callbacks.
/// </summary>
public sealed partial class ExecTracer : IAsyncDisposable, IDisposable
{
    private readonly IKernelEventSource _source;
    private readonly IProcessInfoReader _reader;
    private readonly IMonotonicClock _clock;
    private readonly ICommandLauncher? _launcher;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ExecTracingOptions _options;
    private readonly SemaphoreSlim _lifecycle = new(1, 1);
    private readonly ExecTracerMetrics _metrics;
    private readonly bool _ownsMetrics;
    private TracerState _state;
    private Session? _session;

    /// <summary>Creates a tracer over a platform's ports.</summary>
    public ExecTracer(
        IKernelEventSource source,
        IProcessInfoReader reader,
        IMonotonicClock clock,
        ExecTracingOptions options,
        ICommandLauncher? launcher = null,
        TimeProvider? timeProvider = null,
        ILogger<ExecTracer>? logger = null,
        ExecTracerMetrics? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(options);
        _source = source;
        _reader = reader;
        _clock = clock;
        _options = options;
        _launcher = launcher;
        _time = timeProvider ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _ownsMetrics = metrics is null;
        _metrics = metrics ?? new ExecTracerMetrics();
    }

    /// <summary>Where the tracer is in its life.</summary>
    public TracerState State => _state;

    /// <summary>The command the tracer started (with a command filter), once started.</summary>
    public ILaunchedCommand? Command => _session?.Command;

    /// <summary>Events the kernel dropped before they were read, in this run.</summary>
    public long KernelEventsLost => _session?.KernelLost ?? 0;

    /// <summary>Events dropped because a subscriber's queue was full, in this run.</summary>
    public long SubscriberEventsDropped => _session?.SubscriberDropped ?? 0;

    /// <summary>Completes when the current run ends; faulted when the kernel source failed.</summary>
    public Task Completion => _session?.Done.Task ?? Task.CompletedTask;

    /// <summary>
    /// Subscribes to the kernel, seeds the process tree from the processes that exist, and (with a command
    /// filter) starts the command. Events flow from then on.
    /// </summary>
    /// <exception cref="InvalidOperationException">The tracer is already started.</exception>
    /// <exception cref="ArgumentException">The options are invalid or the root process does not exist.</exception>
    /// <exception cref="TracingUnavailableException">The platform refuses to trace; the message names cause and remedy.</exception>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        await _lifecycle.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_state == TracerState.Disposed, this);
            if (_state != TracerState.Stopped)
            {
                throw new InvalidOperationException("The tracer is already started; stop it before starting it again.");
            }

            var errors = _options.GetValidationErrors();
            if (errors.Count > 0)
            {
                throw new ArgumentException("Invalid exec tracing options: " + string.Join(" ", errors));
            }

            if (_options.Filter is CommandFilter && _launcher is null)
            {
                throw new InvalidOperationException("A command filter needs an ICommandLauncher.");
            }

            _state = TracerState.Starting;
            var session = new Session(this);
            _session = session;
            try
            {
                await session.StartAsync(cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                await session.StopAsync().ConfigureAwait(false);
                _state = TracerState.Stopped;
                throw;
            }

            _state = TracerState.Running;
            Log.Started(_logger, _options.Filter.ToString(), session.TrackedCount);
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    /// <summary>Stops tracing promptly; subscribers' streams complete. Safe to call more than once.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        await _lifecycle.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_state is not (TracerState.Running or TracerState.Starting) || _session is null)
            {
                return;
            }

            _state = TracerState.Stopping;
            await _session.StopAsync().ConfigureAwait(false);
            _state = TracerState.Stopped;
            Log.Stopped(_logger);
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    /// <summary>
    /// With a command filter: waits until the command ends and the tracer has seen its exit, so every event
    /// of its subtree up to then was delivered; returns its exit code.
    /// </summary>
    public async Task<int> WaitForCommandAsync(CancellationToken cancellationToken = default)
    {
        var session = _session ?? throw new InvalidOperationException("The tracer has not started.");
        var command = session.Command ?? throw new InvalidOperationException("The tracer was not asked to run a command.");
        var exitCode = await command.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        // The kernel queues the exit event before the parent can reap the child; give the receive thread
        // a moment to read it, but never hang on a source that went quiet.
        await Task.WhenAny(session.CommandExitSeen.Task, Task.Delay(TimeSpan.FromSeconds(2), _time, cancellationToken)).ConfigureAwait(false);
        return exitCode;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        await _lifecycle.WaitAsync().ConfigureAwait(false);
        try
        {
            _state = TracerState.Disposed;
            _session?.Command?.Dispose();
            await _source.DisposeAsync().ConfigureAwait(false);
            if (_ownsMetrics)
            {
                _metrics.Dispose();
            }
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    /// <summary>Stops and disposes synchronously, for containers disposed with <c>using</c>; prefer <see cref="DisposeAsync"/>.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private DateTimeOffset ToWallClock(long kernelTimestampNs)
    {
        if (kernelTimestampNs == 0)
        {
            return _time.GetUtcNow();
        }

        var age = _clock.NowNanoseconds - kernelTimestampNs;
        return _time.GetUtcNow() - TimeSpan.FromTicks(age / 100);
    }

    private Channel<TraceEvent> CreateQueue(int capacity)
    {
        var options = new BoundedChannelOptions(capacity)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = _options.QueueFullMode == QueueFullMode.DropOldest ? BoundedChannelFullMode.DropOldest : BoundedChannelFullMode.Wait,
        };

        // With Wait, a full queue refuses TryWrite and the publisher counts it; with DropOldest the channel drops and says so here.
        return Channel.CreateBounded<TraceEvent>(options, _ => _session?.CountDropped());
    }
}
