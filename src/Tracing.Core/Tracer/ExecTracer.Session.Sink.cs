using System.Runtime.CompilerServices;
using Tracing.Events;
using Tracing.Filtering;
using Tracing.Ports;
using Tracing.Tree;

namespace Tracing.Tracer;

public sealed partial class ExecTracer
{
    private sealed partial class Session
    {
        // Not inlined: the warm-up must compile this very method, as the receive thread will call it.
        [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)]
        public void OnEvent(in KernelEvent kernelEvent)
        {
            lock (_gate)
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
                    default:
                        break;
                }
            }
        }

        public void OnEventsLost(long count)
        {
            Interlocked.Add(ref _kernelLost, count);
            _owner._metrics.KernelLost(count);
            var added = _tree is null ? 0 : Resynchronize(_tree);

            Log.EventsLost(_owner._logger, count, added);
            lock (_gate)
            {
                Publish(new EventsLostEvent
                {
                    Count = count,
                    Reason = LossReason.KernelBufferOverflow,
                    KernelTimestampNs = _owner._clock.NowNanoseconds,
                    Time = _owner._time.GetUtcNow(),
                });
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void OnExec(in KernelEvent kernelEvent)
        {
            var pid = kernelEvent.Tgid;
            ProcessNode? node = null;
            if (_tree is not null)
            {
                if (_tree.RootPid is null)
                {
                    node = _tree.GetOrAdd(pid, kernelEvent.ParentTgid);
                }
                else if (!_tree.TryGet(pid, out node))
                {
                    return;
                }

                // Whichever thread exec'd, the process is one thread now; in scope or not, the tree follows the kernel.
                _tree.OnExec(pid, kernelEvent.TimestampNs);
                if (pid == _tree.RootPid && _filter is CommandFilter)
                {
                    return;
                }
            }

            if (_filter is CgroupFilter cgroup)
            {
                if (!_owner._reader.TryReadCgroups(pid, out var paths))
                {
                    // Gone before its cgroup could be read: maybe in scope, maybe not. Never silent: counted.
                    _owner._metrics.ScopeUndecided();
                    Publish(new EventsLostEvent
                    {
                        Pid = pid,
                        Count = 1,
                        Reason = LossReason.ScopeUndecided,
                        KernelTimestampNs = kernelEvent.TimestampNs,
                        Time = _owner.ToWallClock(kernelEvent.TimestampNs),
                    });
                    return;
                }

                if (!cgroup.Matches(paths))
                {
                    return;
                }
            }

            // The parent it has as it execs: the forker the tree or the source saw, unless that process has ended since,
            // which re-parented it (to a subreaper or init) to a parent only the process itself can tell.
            var knownParent = node is null ? kernelEvent.ParentTgid : node.Orphaned ? 0 : node.ParentPid;
            var exec = _owner.ReadExec(kernelEvent, knownParent);
            if (node is not null)
            {
                if (node.Orphaned)
                {
                    _tree!.Reparent(node, exec.ParentPid);
                }

                node.CommandName = exec.CommandName;
                node.Reported = true;
            }

            PublishScoped(node, exec);
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

            if (pid == _launchedPid && _launchedPid != 0)
            {
                CommandExitSeen.TrySetResult();
            }
            else if (_launchedPid == 0 && node is not null && node.Branch == pid)
            {
                // A direct child that ended before the launcher returned its pid: perhaps the command itself.
                _exitedBeforeLaunch.Add(pid);
            }

            if (!_owner._options.IncludeExits || node is not { Reported: true })
            {
                return;
            }

            if (node.CommandName is null && _owner._reader.TryReadStat(pid, out var stat))
            {
                node.CommandName = stat.CommandName;
            }

            var status = node.Threads.ProcessStatus(kernelEvent.ExitCode);
            var (code, signal, core) = ExitEvent.DecodeWaitStatus(status);
            PublishScoped(node, new ExitEvent
            {
                Pid = pid,
                ParentPid = kernelEvent.ParentTgid != 0 ? kernelEvent.ParentTgid : node.ParentPid,
                KernelTimestampNs = kernelEvent.TimestampNs,
                Time = _owner.ToWallClock(kernelEvent.TimestampNs),
                RawStatus = status,
                ExitCode = code,
                Signal = signal,
                CoreDumped = core,
                CommandName = node.CommandName,
                Lifetime = node.ForkTimestampNs != 0 && kernelEvent.TimestampNs >= node.ForkTimestampNs
                    ? TimeSpan.FromTicks((kernelEvent.TimestampNs - node.ForkTimestampNs) / 100)
                    : null,
            });
        }

        // With a command filter, events that arrive before the launched pid is known wait in _pending.
        private void PublishScoped(ProcessNode? node, TraceEvent item)
        {
            if (_filter is not CommandFilter || _warmingUp)
            {
                Publish(item);
            }
            else if (_launchedPid == 0)
            {
                _pending.Add((node!.Branch, item));
            }
            else if (node!.Branch == _launchedPid)
            {
                Publish(item);
            }
        }
    }
}
