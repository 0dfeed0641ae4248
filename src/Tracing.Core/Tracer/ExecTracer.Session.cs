using System.Threading.Channels;
using Tracing.Events;
using Tracing.Filtering;
using Tracing.Ports;
using Tracing.Tree;

namespace Tracing.Tracer;

public sealed partial class ExecTracer
{
    /// <summary>One run of the tracer: from a start to its stop.</summary>
    private sealed partial class Session : IKernelEventSink
    {
        private readonly ExecTracer _owner;
        private readonly Lock _gate = new();
        private readonly Channel<TraceEvent> _pipeline;
        private readonly ExecTraceFilter _filter;
        private readonly ProcessTree? _tree;
        private readonly List<(int Branch, TraceEvent Event)> _pending = [];
        private readonly HashSet<int> _exitedBeforeLaunch = [];
        private Task _dispatcher = Task.CompletedTask;
        private bool _sourceStarted;
        private bool _warmingUp;
        private int _launchedPid;
        private long _kernelLost;
        private long _subscriberDropped;

        public Session(ExecTracer owner)
        {
            _owner = owner;
            _filter = owner._options.Filter;
            _pipeline = Channel.CreateBounded<TraceEvent>(new BoundedChannelOptions(owner._options.QueueCapacity)
            {
                SingleReader = true,
                SingleWriter = true,
                FullMode = BoundedChannelFullMode.Wait,
            });
            _tree = _filter switch
            {
                ProcessTreeFilter p => new ProcessTree(p.RootPid),
                CommandFilter => new ProcessTree(owner._reader.CurrentProcessId),
                _ when owner._options.IncludeExits => new ProcessTree(null),
                _ => null,
            };
        }

        public TaskCompletionSource CommandExitSeen { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ILaunchedCommand? Command { get; private set; }

        public long KernelLost => Interlocked.Read(ref _kernelLost);

        public long SubscriberDropped => Interlocked.Read(ref _subscriberDropped);

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

        // Without a tree the tracer needs only execs: the kernel need not send forks and exits at all.
        private KernelEventInterest Interest => _tree is null ? KernelEventInterest.Exec : KernelEventInterest.All;

        public async Task StartAsync(CancellationToken cancellationToken)
        {
            _dispatcher = Task.Run(DispatchAsync, CancellationToken.None);
            await _owner._source.StartAsync(this, Interest, cancellationToken).ConfigureAwait(false);
            _sourceStarted = true;
            _ = _owner._source.Completion.ContinueWith(
                OnSourceCompleted, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

            // Subscribed first, seeded second: a process forked in between is in /proc or in the feed, or both.
            if (_tree?.RootPid is int root)
            {
                Seed(_tree, root);
            }

            if (_filter is CommandFilter commandFilter)
            {
                Command = _owner._launcher!.Launch(commandFilter.Command);
                Log.CommandStarted(_owner._logger, commandFilter.Command.FileName, Command.Pid);
                lock (_gate)
                {
                    _launchedPid = Command.Pid;
                    foreach (var (branch, item) in _pending)
                    {
                        if (branch == _launchedPid)
                        {
                            Publish(item);
                        }
                    }

                    _pending.Clear();
                    if (_exitedBeforeLaunch.Contains(_launchedPid))
                    {
                        CommandExitSeen.TrySetResult();
                    }

                    _exitedBeforeLaunch.Clear();
                }
            }
        }

        public async Task StopAsync()
        {
            if (_sourceStarted)
            {
                try
                {
                    await _owner._source.StopAsync(CancellationToken.None).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    Log.SourceFailed(_owner._logger, e);
                }
            }

            _pipeline.Writer.TryComplete();
            await _dispatcher.ConfigureAwait(false);
            Done.TrySetResult();
        }

        /// <summary>
        /// Runs the receive path once on made-up events, so that the first real exec does not wait for the JIT
        /// while the process it is about exits (a /bin/true lives for well under a millisecond).
        /// </summary>
        public void Prepare()
        {
            var self = _owner._reader.CurrentProcessId;
            _ = _owner.ReadExec(new KernelEvent { Kind = KernelEventKind.Exec, Pid = self, Tgid = self }, 0);
            _owner._reader.TryReadCgroups(self, out _);

            // A pid no process can have (pid_max is at most 2^22), forked from the root and gone again.
            const int Phantom = int.MaxValue - 1;
            var parent = _tree?.RootPid ?? self;
            var now = _owner._clock.NowNanoseconds;
            _warmingUp = true;
            OnEvent(new KernelEvent { Kind = KernelEventKind.Fork, Pid = Phantom, Tgid = Phantom, ParentPid = parent, ParentTgid = parent, TimestampNs = now });
            OnEvent(new KernelEvent { Kind = KernelEventKind.Fork, Pid = Phantom + 1, Tgid = Phantom, ParentPid = parent, ParentTgid = parent, TimestampNs = now });
            OnEvent(new KernelEvent { Kind = KernelEventKind.Exit, Pid = Phantom + 1, Tgid = Phantom, ExitSignal = -1, TimestampNs = now });
            OnEvent(new KernelEvent { Kind = KernelEventKind.Exec, Pid = Phantom, Tgid = Phantom, TimestampNs = now });
            // Through the interface, as the source calls it (that is a method of its own to compile).
            IKernelEventSink sink = this;
            sink.OnEvent(new KernelEvent { Kind = KernelEventKind.Exit, Pid = Phantom, Tgid = Phantom, ParentPid = parent, ParentTgid = parent, TimestampNs = now });
            _warmingUp = false;

            // Compiles the metrics path without recording anything: a loss notice is not a delivered event.
            _owner._metrics.Delivered(new EventsLostEvent(), -1);
        }

        private void OnSourceCompleted(Task completion)
        {
            if (completion.IsFaulted)
            {
                var error = completion.Exception.InnerException ?? completion.Exception;
                Log.SourceFailed(_owner._logger, error);
                _pipeline.Writer.TryComplete(error);
            }
        }

        // Inline handlers and readers are fed here, on the receive thread, without a hop; only callbacks go through the dispatcher.
        // Callers hold _gate, so writes never overlap.
        private void Publish(TraceEvent item)
        {
            if (_warmingUp)
            {
                return;
            }

            foreach (var handler in Volatile.Read(ref _owner._inlineHandlers))
            {
                try
                {
                    handler(item);
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    Log.CallbackFailed(_owner._logger, e);
                }
            }

            foreach (var reader in Volatile.Read(ref _owner._readers))
            {
                if (!reader.Writer.TryWrite(item) && !reader.Reader.Completion.IsCompleted)
                {
                    CountDropped();
                }
            }

            if (Volatile.Read(ref _owner._callbacks).Length > 0
                && !_pipeline.Writer.TryWrite(item)
                && !_pipeline.Reader.Completion.IsCompleted)
            {
                CountDropped();
            }

            _owner._metrics.Delivered(item, item.KernelTimestampNs == 0 ? -1 : _owner._clock.NowNanoseconds - item.KernelTimestampNs);
        }

        public void CountDropped()
        {
            _owner._metrics.SubscriberDropped();
            var dropped = Interlocked.Increment(ref _subscriberDropped);
            if ((dropped & (dropped - 1)) == 0)
            {
                Log.SubscriberDropped(_owner._logger, dropped);
            }
        }

        private async Task DispatchAsync()
        {
            Exception? failure = null;
            try
            {
                await foreach (var item in _pipeline.Reader.ReadAllAsync().ConfigureAwait(false))
                {
                    Deliver(item);
                }
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                failure = e;
                Done.TrySetException(e);
            }

            foreach (var reader in _owner.DetachReaders())
            {
                reader.Writer.TryComplete(failure);
            }
        }

        private void Deliver(TraceEvent item)
        {
            foreach (var callback in Volatile.Read(ref _owner._callbacks))
            {
                try
                {
                    callback(item);
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    Log.CallbackFailed(_owner._logger, e);
                }
            }
        }
    }
}
