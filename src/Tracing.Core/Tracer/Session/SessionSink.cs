using System.Runtime.CompilerServices;
using Tracing.Events;
using Tracing.Filtering;
using Tracing.Ports;
using Tracing.Tree;

namespace Tracing.Tracer.Session;

/// <summary>
/// Turns a run's kernel facts into events, on the source's receive thread: follows the tree, asks the filter whether
/// an exec is in scope, reads it, and hands the event on (through the command gate when there is one).
/// </summary>
internal sealed partial class SessionSink : IKernelEventSink
{
    private readonly TracerContext _context;
    private readonly ExecTraceFilter _filter;
    private readonly Lock _gate;
    private readonly ProcessTree? _tree;
    private readonly ProcessTableSeeder _seeder;
    private readonly ExecReader _execs;
    private readonly EventDelivery _delivery;
    private readonly ContainerNaming _naming;
    private readonly CommandGate? _command;
    private long _kernelLost;

    public SessionSink(
        TracerContext context, ExecTraceFilter filter, Lock gate, ProcessTree? tree, EventDelivery delivery, ContainerNaming naming, CommandGate? command)
    {
        _context = context;
        _filter = filter;
        _gate = gate;
        _tree = tree;
        _seeder = new ProcessTableSeeder(context.Reader, gate, command is null ? null : command.OnResynchronized);
        _execs = new ExecReader(context, naming);
        _naming = naming;
        _delivery = delivery;
        _command = command;
        _conditions = new ExecConditions(context.Options.GetConditions());
        _facts = new ExecFacts(context.Reader);
    }

    public long KernelLost => Interlocked.Read(ref _kernelLost);

    /// <summary>Completes when the process that owns the scope (a container's first process) has ended.</summary>
    public TaskCompletionSource ScopeEnded { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>While set (the warm-up), nothing is delivered.</summary>
    internal bool WarmingUp { get; set; }

    internal ProcessTree? Tree => _tree;

    internal ExecReader Execs => _execs;

    internal ExecTraceFilter Filter => _filter;

    internal EventDelivery Delivery => _delivery;

    /// <inheritdoc />
    public void Prepare() => SinkWarmUp.Run(this, _context);

    // Not inlined: the warm-up must compile this very method, as the receive thread will call it.
    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)]
    public void OnEvent(in KernelEvent kernelEvent)
    {
        // An exec that finds the session busy (the process table being seeded at start, the events held for a container's
        // name being delivered) reads first what its process takes with it when it ends, then waits: a /bin/true is gone
        // in well under a millisecond, and the session may be held for several, at start by a thread of normal priority.
        var readAhead = kernelEvent.Kind == KernelEventKind.Exec && !_gate.TryEnter();
        if (readAhead)
        {
            _execs.ReadAhead(kernelEvent.Tgid, kernelEvent.Capture);
        }

        if (readAhead || kernelEvent.Kind != KernelEventKind.Exec)
        {
            _gate.Enter();
        }

        try
        {
            switch (kernelEvent.Kind)
            {
                case KernelEventKind.Fork when kernelEvent.IsThread:
                    _tree?.OnThreadCreated(kernelEvent.Tgid, kernelEvent.Pid);
                    break;
                case KernelEventKind.Fork:
                    _tree?.OnFork(kernelEvent.ParentTgid, kernelEvent.Tgid, kernelEvent.TimestampNs);
                    break;
                case KernelEventKind.Exec:
                    OnExec(kernelEvent);
                    break;
                case KernelEventKind.Exit:
                    OnExit(kernelEvent);
                    break;
                case KernelEventKind.ExecFailed:
                    OnExecFailed(kernelEvent);
                    break;
                default:
                    break;
            }
        }
        finally
        {
            if (readAhead)
            {
                _execs.DropReadAhead();
            }

            _gate.Exit();
        }
    }

    /// <inheritdoc />
    public void OnEventsLost(long count, bool exact)
    {
        Interlocked.Add(ref _kernelLost, count);
        _context.Metrics.KernelLost(count);
        var added = _tree is null ? 0 : _seeder.Resynchronize(_tree);

        Log.EventsLost(_context.Logger, count, added);
        lock (_gate)
        {
            Publish(LossEvents.KernelOverflow(_context, count, exact));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void OnExit(in KernelEvent kernelEvent)
    {
        var pid = kernelEvent.Tgid;
        ProcessNode? node = null;
        var outcome = _tree?.OnExit(kernelEvent.Pid, pid, kernelEvent.ExitCode, kernelEvent.TimestampNs, out node) ?? ExitOutcome.Untracked;
        if (outcome == ExitOutcome.ProcessLives || (outcome == ExitOutcome.Untracked && kernelEvent.IsThread))
        {
            // A thread, or a leader whose process lives on (pthread_exit, or killed by another thread's exec).
            return;
        }

        _command?.OnProcessEnded(pid, node);
        if (pid == _filter.ScopeOwnerPid && !WarmingUp && ScopeOwner.HasEnded(pid, _filter, _context.Reader))
        {
            ScopeEnded.TrySetResult();
        }

        if (!_context.Options.IncludeExits || node is not { Reported: true })
        {
            return;
        }

        if (node.CommandName is null && _context.Reader.TryReadStat(pid, out var stat))
        {
            node.CommandName = stat.CommandName;
        }

        PublishScoped(node, ExitEvents.Create(_context, node, kernelEvent));
    }

    // Tracked processes' events pass the command gate when there is one (a command's run has a tree: node is set).
    private void PublishScoped(ProcessNode? node, TraceEvent item)
    {
        if (_command is null || WarmingUp)
        {
            Publish(item);
        }
        else
        {
            _command.Offer(node!, item);
        }
    }

    /// <summary>Delivers an event, unless warming up. Callers hold the lock, so deliveries never overlap.</summary>
    internal void Publish(TraceEvent item)
    {
        if (!WarmingUp)
        {
            _naming.Publish(item);
        }
    }
}
