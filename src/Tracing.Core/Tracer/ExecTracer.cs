using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Tracing.Events;
using Tracing.Filtering;
using Tracing.Ports;
using Tracing.Tracer.Session;

namespace Tracing.Tracer;

/// <summary>
/// Composes a platform's kernel event source and process-info reader into exec (and exit) events for the
/// processes its filter selects, delivered as async streams and callbacks.
/// </summary>
public sealed partial class ExecTracer : IAsyncDisposable, IDisposable
{
    private readonly TracerContext _context;
    private readonly EventDelivery _delivery;
    private readonly SemaphoreSlim _lifecycle = new(1, 1);
    private readonly bool _ownsMetrics;
    private TracerState _state;
    private TraceSession? _session;
    private bool _hasStarted;

    /// <summary>Creates a tracer over a platform's ports; <paramref name="containerEngine"/> finds containers by name and names them in events.</summary>
    /// <param name="source">The platform's stream of fork, exec and exit facts.</param>
    /// <param name="reader">Reads what the platform knows about a live process.</param>
    /// <param name="clock">The kernel's event clock, to turn event timestamps into wall-clock time.</param>
    /// <param name="options">What to trace and how to deliver it.</param>
    /// <param name="launcher">Starts the command of a command filter; required for one.</param>
    /// <param name="timeProvider">The time for wall-clock timestamps and waits; null for the system's.</param>
    /// <param name="logger">Where the tracer logs; null for nowhere.</param>
    /// <param name="metrics">The instruments to record on; null for instruments of its own, disposed with it.</param>
    /// <param name="containerEngine">Finds and names containers; null when none is asked.</param>
    public ExecTracer(
        IKernelEventSource source,
        IProcessInfoReader reader,
        IMonotonicClock clock,
        ExecTracingOptions options,
        ICommandLauncher? launcher = null,
        TimeProvider? timeProvider = null,
        ILogger<ExecTracer>? logger = null,
        ExecTracerMetrics? metrics = null,
        IContainerEngine? containerEngine = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(options);
        _ownsMetrics = metrics is null;
        _context = new TracerContext(
            source, reader, clock, options, launcher, timeProvider ?? TimeProvider.System,
            (ILogger?)logger ?? NullLogger.Instance, metrics ?? new ExecTracerMetrics(), containerEngine);
        _delivery = new EventDelivery(_context);
    }

    /// <summary>Where the tracer is in its life.</summary>
    public TracerState State => _state;

    /// <summary>
    /// True once a run has started (the tracer reached <see cref="TracerState.Running"/>), and from then on; before that,
    /// <see cref="ScopeEnded"/> and <see cref="Completion"/> are completed tasks that describe no run.
    /// </summary>
    public bool HasStarted => Volatile.Read(ref _hasStarted);

    /// <summary>The command the tracer started (with a command filter), once started.</summary>
    public ILaunchedCommand? Command => _session?.Command;

    /// <summary>Events the kernel dropped before they were read, in this run.</summary>
    public long KernelEventsLost => _session?.KernelLost ?? 0;

    /// <summary>Events dropped because a subscriber's queue was full, in this run.</summary>
    public long SubscriberEventsDropped => _session is null ? 0 : _delivery.Dropped;

    /// <summary>
    /// Completes when what the filter selects is gone for good in the current run (a traced container stopped); the
    /// tracer then stops by itself, and <see cref="Completion"/> completes once every event was delivered.
    /// </summary>
    public Task ScopeEnded => _session?.ScopeEnded ?? Task.CompletedTask;

    /// <summary>Completes when the current run ends; faulted when the kernel source failed.</summary>
    public Task Completion => _session?.Done.Task ?? Task.CompletedTask;

    /// <summary>
    /// Subscribes to the kernel, seeds the process tree from the processes that exist, and (with a command
    /// filter) starts the command. Events flow from then on.
    /// </summary>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>A task that completes once the tracer is running.</returns>
    /// <exception cref="InvalidOperationException">The tracer is already started.</exception>
    /// <exception cref="ArgumentException">
    /// The options are invalid, the root process does not exist, or the cgroup path names no cgroup.
    /// </exception>
    /// <exception cref="ObjectDisposedException">The tracer was disposed.</exception>
    /// <exception cref="TracingUnavailableException">The platform refuses to trace; the message names cause and remedy.</exception>
    /// <exception cref="ContainerLookupException">
    /// With a container filter: the container was not found, is not running, or its name could not be looked up
    /// (<see cref="ContainerLookupException.Failure"/> says which).
    /// </exception>
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

            var options = _context.Options;
            var errors = options.GetValidationErrors();
            if (errors.Count > 0)
            {
                throw new ArgumentException("Invalid exec tracing options: " + string.Join(" ", errors));
            }

            var wanted = options.GetFilter();
            if (wanted.CommandToLaunch is not null && _context.Launcher is null)
            {
                throw new InvalidOperationException("A command filter needs an ICommandLauncher.");
            }

            // The platform's own refusal first (inside a container): it is the reason, whatever else would fail.
            _context.Source.ThrowIfUnavailable();
            _state = TracerState.Starting;
            ExecTraceFilter filter;
            try
            {
                filter = await wanted.ResolveAsync(_context.Reader, _context.ContainerEngine, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                // Nothing started yet (a container not found or not running): stopped, and startable again.
                _state = TracerState.Stopped;
                throw;
            }

            var session = new TraceSession(_context, _delivery, filter);
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
            Volatile.Write(ref _hasStarted, true);
            Log.Started(_context.Logger, session.Conditions.IsEmpty ? filter.ToString() : $"{filter}, reporting only {session.Conditions}", session.TrackedCount);

            // What it traces is gone (a container stopped): the run ends by itself, its events delivered.
            _ = session.ScopeEnded.ContinueWith(_ => StopAsync(session), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    /// <summary>
    /// With a command filter: waits until the command ends and the tracer has seen its exit, so every event
    /// of its subtree up to then was delivered; returns its exit code. With <see cref="CommandFilter.Follow"/>, waits
    /// on until every process of the command's subtree has ended (or tracing stopped), and still returns the command's code.
    /// </summary>
    /// <param name="cancellationToken">Cancels the wait, not the command.</param>
    /// <returns>The command's exit code.</returns>
    /// <exception cref="InvalidOperationException">The tracer has not started, or runs no command.</exception>
    public async Task<int> WaitForCommandAsync(CancellationToken cancellationToken = default)
    {
        var session = _session ?? throw new InvalidOperationException("The tracer has not started.");
        var command = session.Command ?? throw new InvalidOperationException("The tracer was not asked to run a command.");
        var exitCode = await command.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        if (session.Filter.WaitsForSubtree)
        {
            // Nothing to time out on: a daemon may live for days. A run that ends (stopped, or the source failed) ends the wait.
            var ended = await Task.WhenAny(session.CommandSubtreeEnded, session.Done.Task).WaitAsync(cancellationToken).ConfigureAwait(false);
            await ended.ConfigureAwait(false);
            return exitCode;
        }

        // The kernel queues the exit event before the parent can reap the child; give the receive thread
        // a moment to read it, but never hang on a source that went quiet.
        await Task.WhenAny(session.CommandExitSeen, Task.Delay(TimeSpan.FromSeconds(2), _context.Time, cancellationToken)).ConfigureAwait(false);
        return exitCode;
    }
}
