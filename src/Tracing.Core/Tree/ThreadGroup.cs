namespace Tracing.Tree;

/// <summary>
/// The threads of one process besides its leader, as the kernel reported them, and whether the leader has exited.
/// The kernel ends a process when its last thread exits, not when its leader does: a leader that calls
/// <c>pthread_exit</c>, or that <c>de_thread</c> kills because another thread exec'd, sends an exit of its own while
/// the process lives on. Not thread-safe: the tree's owner drives it from one thread.
/// </summary>
internal sealed class ThreadGroup
{
    private HashSet<int>? _threads;

    /// <summary>How many threads besides the leader are known to be alive.</summary>
    public int OtherThreadCount => _threads?.Count ?? 0;

    /// <summary>True once the leader's own exit was seen while other threads lived.</summary>
    public bool LeaderExited { get; private set; }

    /// <summary>
    /// True once an exit of the group carried the core-dump flag: only the thread that dumped has it, and another
    /// thread's exit may be the last one.
    /// </summary>
    public bool CoreDumped { get; private set; }

    /// <summary>A thread was created in the process.</summary>
    /// <param name="tid">The new thread's id.</param>
    public void OnThreadCreated(int tid) => (_threads ??= []).Add(tid);

    /// <summary>
    /// The threads that exist now besides the leader, and whether the leader has exited (a zombie leader), as read
    /// from the system when tracing starts or resynchronises.
    /// </summary>
    /// <param name="otherThreads">The ids of the threads other than the leader.</param>
    /// <param name="leaderExited">True when the leader has exited (a zombie leader).</param>
    public void Reset(IEnumerable<int> otherThreads, bool leaderExited)
    {
        ArgumentNullException.ThrowIfNull(otherThreads);
        _threads?.Clear();
        foreach (var tid in otherThreads)
        {
            OnThreadCreated(tid);
        }

        LeaderExited = leaderExited && OtherThreadCount > 0;
    }

    /// <summary>
    /// The process exec'd: the kernel killed every other thread, and the thread that exec'd is the leader now
    /// (with the process's id). Exits of the killed threads that arrive later name ids no longer in the group.
    /// </summary>
    public void OnExec()
    {
        _threads?.Clear();
        LeaderExited = false;
        CoreDumped = false;
    }

    /// <summary>
    /// An exit with pid = tgid; true when that ends the process: no other thread is alive, or the leader had exited
    /// already, so this is the thread that took the process's id in <c>de_thread</c> and died before its exec completed
    /// (an exec that fails after the point of no return), when every other thread was gone.
    /// </summary>
    /// <param name="status">The leader's wait status.</param>
    /// <returns>True when the process ended; otherwise false.</returns>
    public bool OnLeaderExited(int status)
    {
        Observe(status);
        if (LeaderExited)
        {
            _threads?.Clear();
            return true;
        }

        LeaderExited = OtherThreadCount > 0;
        return !LeaderExited;
    }

    /// <summary>
    /// A thread other than the leader exited; true when it was the last one and the leader had exited already. Its
    /// status is then the process's: the last thread of a group exit carries the group's code.
    /// </summary>
    /// <param name="tid">The thread that exited.</param>
    /// <param name="status">The thread's wait status.</param>
    /// <returns>True when the process ended; otherwise false (also for a thread not in the group).</returns>
    public bool OnThreadExited(int tid, int status)
    {
        if (_threads is null || !_threads.Remove(tid))
        {
            return false;
        }

        Observe(status);
        return _threads.Count == 0 && LeaderExited;
    }

    /// <summary>The process's wait status from its last thread's: with the core-dump flag when any thread's had it.</summary>
    /// <param name="lastThreadStatus">The wait status of the process's last thread.</param>
    /// <returns>The process's wait status.</returns>
    public int ProcessStatus(int lastThreadStatus) =>
        CoreDumped && (lastThreadStatus & 0x7f) != 0 ? lastThreadStatus | 0x80 : lastThreadStatus;

    private void Observe(int status) => CoreDumped |= (status & 0x80) != 0 && (status & 0x7f) != 0;
}
