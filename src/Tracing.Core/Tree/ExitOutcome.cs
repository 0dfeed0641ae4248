namespace Tracing.Tree;

/// <summary>What an exit the kernel reported means for a process the tree tracks.</summary>
internal enum ExitOutcome
{
    /// <summary>The exit is not about a tracked process.</summary>
    Untracked = 0,

    /// <summary>A thread, or the leader while other threads live on: the process continues.</summary>
    ProcessLives = 1,

    /// <summary>The process's last thread exited: the process ended.</summary>
    ProcessEnded = 2,
}
