using Tracing.Filtering;
using Tracing.Ports;

namespace Tracing.Tracer.Session;

/// <summary>Whether the process that owns a scope (a container's first process) has ended, when its leader's exit is seen.</summary>
internal static class ScopeOwner
{
    /// <summary>
    /// True unless the process lives on: the scope's owner existed before tracing, so the tree does not know its
    /// threads, and the exit of its leader thread is not always the end of the process (a leader that called
    /// <c>pthread_exit</c> while other threads run; the old leader replaced by another thread's exec). It lives on
    /// when it still runs in scope (not a zombie) or has other threads. A process gone from /proc has ended.
    /// </summary>
    public static bool HasEnded(int pid, ExecTraceFilter filter, IProcessInfoReader reader)
    {
        if (!reader.TryReadStat(pid, out var stat))
        {
            return true;
        }

        var runs = !stat.IsZombie
            || (reader.TryReadOtherThreadIds(pid, out var threads) && threads.Count > 0);
        return !runs || filter.Admit(pid, reader) != ScopeVerdict.In;
    }
}
