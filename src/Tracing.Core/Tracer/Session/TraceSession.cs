using Tracing.Filtering;
using Tracing.Ports;
using Tracing.Tree;

namespace Tracing.Tracer.Session;

/// <summary>One run of a tracer, from a start to its stop: subscribes, seeds, launches the command, and ends.</summary>
internal sealed class TraceSession
{
    private readonly TracerContext _context;
    private readonly EventDelivery _delivery;
    private readonly Lock _gate = new();
    private readonly ProcessTree? _tree;
    private readonly CommandGate? _command;
    private readonly SessionSink _sink;
    private readonly ContainerNaming _naming;
    private readonly ExecTraceFilter _filter;
    private bool _sourceStarted;

    /// <summary>A run with <paramref name="filter"/>: the options' filter, resolved (<see cref="ExecTraceFilter.ResolveAsync"/>).</summary>
    public TraceSession(TracerContext context, EventDelivery delivery, ExecTraceFilter filter)
    {
        _context = context;
        _delivery = delivery;
        _filter = filter;

        // A subtree is followed from its root; exits and depths need the tree anyway (to report one exit per process, to
        // count a process's ancestors); else none is kept.
        _tree = filter.SubtreeRoot(context.Reader.CurrentProcessId) is int root ? new ProcessTree(root)
            : context.Options.IncludeExits || WantsDepth ? new ProcessTree(null)
            : null;
        _naming = new ContainerNaming(_gate, delivery.Publish, context.ContainerEngine, TracerContext.ContainerNameWait, filter.TracedContainer);
        _command = filter.CommandToLaunch is not null ? new CommandGate(_naming.Publish, _tree!, filter.ClaimsTracerChildren) : null;
        _sink = new SessionSink(context, filter, _gate, _tree, delivery, _naming, _command);
    }

    /// <summary>The filter of this run, resolved.</summary>
    public ExecTraceFilter Filter => _filter;

    private bool WantsDepth => (_context.Options.Details & ExecDetails.Depth) != 0;

    public Task CommandExitSeen => _command?.ExitSeen.Task ?? Task.CompletedTask;

    public Task CommandSubtreeEnded => _command?.SubtreeEnded.Task ?? Task.CompletedTask;

    /// <summary>Completes when what the filter selects is gone for good (a traced container stopped).</summary>
    public Task ScopeEnded => _sink.ScopeEnded.Task;

    public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ILaunchedCommand? Command { get; private set; }

    public long KernelLost => _sink.KernelLost;

    /// <summary>The conditions of this run.</summary>
    public ExecConditions Conditions => _sink.Conditions;

    public int TrackedCount
    {
        get
        {
            lock (_gate)
            {
                return _tree?.Count ?? 0;
            }
        }
    }

    // Without a tree the tracer needs only execs (and the exit of the scope's owner, when it has one): the kernel need
    // not send forks and exits at all.
    private KernelEventInterest Interest =>
        (_tree is not null ? KernelEventInterest.All
        : _filter.ScopeOwnerPid is null ? KernelEventInterest.Exec
        : KernelEventInterest.Exec | KernelEventInterest.Exit)
        | (_context.Options.IncludeFailedExecs ? KernelEventInterest.FailedExec : 0)
        | ((_context.Options.Details & PromptDetails) != 0 ? KernelEventInterest.Prompt : 0);

    // What is read of an exec'ing process after the event arrives, and is gone with it: the source must not hold events.
    private const ExecDetails PromptDetails = ExecDetails.ExecutablePath | ExecDetails.WorkingDirectory | ExecDetails.UserName | ExecDetails.Environment;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _delivery.BeginRun(e =>
        {
            _context.Metrics.Flush();
            Done.TrySetException(e);
        });
        if ((Interest & KernelEventInterest.FailedExec & ~_context.Source.Supports) != 0)
        {
            throw new TracingUnavailableException(
                "Failed execs cannot be reported here: this platform's event source does not see an exec that fails. On Linux they need the eBPF source (ExecTracingOptions.Source Auto or Bpf; exectrace --source bpf).");
        }

        await _context.Source.StartAsync(_sink, Interest, _filter.KernelScope, cancellationToken).ConfigureAwait(false);
        _sourceStarted = true;
        _ = _context.Source.Completion.ContinueWith(
            OnSourceCompleted, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

        // Subscribed first, checked second: an owner that ended before is gone now; one that ends after is in the feed.
        var filter = _filter;
        if (filter.ScopeOwnerPid is int owner && filter.Admit(owner, _context.Reader) != ScopeVerdict.In)
        {
            _sink.ScopeEnded.TrySetResult();
        }

        // Subscribed first, seeded second: a process forked in between is in /proc or in the feed, or both.
        if (_tree?.RootPid is int root)
        {
            new ProcessTableSeeder(_context.Reader, _gate).Seed(_tree, root, filter.IncludesExistingProcesses, ExistingMatch());
            lock (_gate)
            {
                _command?.ExcludeExisting();
            }
        }
        else if (_tree is not null && WantsDepth)
        {
            // Every process's depth below pid 1 needs every process's ancestors: those that exist now come from /proc.
            new ProcessTableSeeder(_context.Reader, _gate).SeedAll(_tree);
        }

        if (filter.CommandToLaunch is { } spec)
        {
            Command = _context.Launcher!.Launch(spec);
            Log.CommandStarted(_context.Logger, spec.FileName, Command.Pid);
            lock (_gate)
            {
                _command!.Launched(Command.Pid);
            }
        }
    }

    // The processes in scope at start have no exec reported, yet their exits are; with conditions, only those that
    // meet them (the command name is stat's, which the seeder read; other facts are read).
    private Func<int, string?, bool>? ExistingMatch()
    {
        var conditions = _sink.Conditions;
        if (conditions.IsEmpty || !_context.Options.IncludeExits)
        {
            return null;
        }

        var facts = new ExecFacts(_context.Reader);
        return (pid, commandName) =>
        {
            facts.Begin(pid);
            if (commandName is not null)
            {
                facts.KnowCommandName(commandName);
            }

            return conditions.Test(facts) == ScopeVerdict.In;
        };
    }

    public async Task StopAsync()
    {
        if (_sourceStarted)
        {
            try
            {
                await _context.Source.StopAsync(CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                Log.SourceFailed(_context.Logger, e);
            }
        }

        ReleaseHeld();
        await _delivery.EndRunAsync().ConfigureAwait(false);

        // What the run measured has reached the meter's listeners when it is done.
        _context.Metrics.Flush();
        Done.TrySetResult();
    }

    private void OnSourceCompleted(Task completion)
    {
        if (completion.IsFaulted)
        {
            var error = completion.Exception.InnerException ?? completion.Exception;
            Log.SourceFailed(_context.Logger, error);
            ReleaseHeld();
            _ = _delivery.EndRunAsync(error);
        }
    }

    // Events held while an engine names a container are delivered before the run ends, named or not.
    private void ReleaseHeld()
    {
        lock (_gate)
        {
            _naming.Release();
        }
    }
}
