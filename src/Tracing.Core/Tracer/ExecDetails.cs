namespace Tracing.Tracer;

/// <summary>
/// What the tracer reads for each exec besides argv and parent. Each costs a read of the process
/// while it runs; leave out what you do not use to spend less per exec.
/// </summary>
[Flags]
public enum ExecDetails
{
    /// <summary>Only argv and parent.</summary>
    None = 0,

    /// <summary>The working directory.</summary>
    WorkingDirectory = 1,

    /// <summary>The executable's path.</summary>
    ExecutablePath = 2,

    /// <summary>The real and effective user ids.</summary>
    Credentials = 4,

    /// <summary>The kernel's command name (<c>comm</c>); read anyway when argv is lost, as its fallback.</summary>
    CommandName = 8,

    /// <summary>
    /// The container the process is in and its pid in its own namespace (<see cref="Events.ExecEvent.Container"/>,
    /// <see cref="Events.ExecEvent.NamespacePid"/>): a read of its cgroups; each container is looked up once.
    /// </summary>
    Container = 16,

    /// <summary>The user's name as the process's own root file system knows it (implies <see cref="Credentials"/>).</summary>
    UserName = 32,

    /// <summary>
    /// The environment (<see cref="Events.ExecEvent.Environment"/>), read right after argv. Not in <see cref="All"/>:
    /// it is large and holds secrets (tokens, passwords), so it is read only when asked by name.
    /// </summary>
    Environment = 64,

    /// <summary>
    /// The depth below the scope's top (<see cref="Events.ExecEvent.Depth"/>), from the process tree the tracer keeps.
    /// Not in <see cref="All"/>: a scope without a root (every process, a cgroup, a container) then keeps a tree of
    /// every process, which means reading the process table at start and following every fork and exit.
    /// </summary>
    Depth = 128,

    /// <summary>
    /// The process's cgroup v2 path (<see cref="Events.ExecEvent.Cgroup"/>): one read of <c>/proc/PID/cgroup</c> for the
    /// first process of each cgroup, none for later ones when the kernel gives the cgroup's id. Not in <see cref="All"/>.
    /// </summary>
    Cgroup = 256,

    /// <summary>Every per-exec read but the opt-in ones (<see cref="Environment"/>, <see cref="Depth"/>, <see cref="Cgroup"/>).</summary>
    All = WorkingDirectory | ExecutablePath | Credentials | CommandName | Container | UserName,
}
