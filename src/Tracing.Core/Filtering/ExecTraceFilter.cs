using Tracing.Events;
using Tracing.Ports;

namespace Tracing.Filtering;

/// <summary>Which processes a tracer reports.</summary>
/// <remarks>
/// Each kind owns its policy: the subtree it follows, whether processes that exist at start are in scope, the command
/// it launches, and whether an exec is in scope. The tracer asks these and never tests a filter's type, so a new
/// kind is one new record here.
/// </remarks>
public abstract record ExecTraceFilter
{
    private protected ExecTraceFilter()
    {
    }

    /// <summary>Every process on the machine.</summary>
    public static ExecTraceFilter Everything { get; } = new EverythingFilter();

    /// <summary>A process and all its descendants, including those that exist before tracing starts.</summary>
    /// <param name="rootPid">The process whose subtree is traced.</param>
    /// <returns>The filter.</returns>
    public static ExecTraceFilter ProcessTree(int rootPid) => new ProcessTreeFilter(rootPid);

    /// <summary>Processes in a cgroup or below it (v1 or v2), by the path <c>/proc/PID/cgroup</c> shows, e.g. <c>/system.slice/foo.service</c>.</summary>
    /// <param name="path">The cgroup's path, e.g. <c>/system.slice/foo.service</c>.</param>
    /// <returns>The filter.</returns>
    public static ExecTraceFilter Cgroup(string path) => new CgroupFilter(path);

    /// <summary>Processes in a cgroup or below it, in one hierarchy.</summary>
    /// <param name="path">The cgroup's path within its hierarchy, e.g. <c>/foo</c>.</param>
    /// <param name="controller">
    /// The hierarchy: null for any; <c>""</c> for the cgroup v2 unified hierarchy; a v1 controller list such as <c>cpu,cpuacct</c>
    /// or <c>name=systemd</c>.
    /// </param>
    /// <returns>The filter.</returns>
    public static ExecTraceFilter Cgroup(string path, string? controller) => new CgroupFilter(path, controller);

    /// <summary>Every process in a running container, found by name, id or id prefix; tracing ends when it stops.</summary>
    /// <param name="nameOrId">The container's name, whole id or id prefix.</param>
    /// <returns>The filter.</returns>
    public static ExecTraceFilter Container(string nameOrId) => new ContainerFilter(nameOrId);

    /// <summary>A command the tracer starts once it is subscribed, and everything it starts.</summary>
    /// <param name="command">The command to start.</param>
    /// <returns>The filter.</returns>
    public static ExecTraceFilter RunCommand(CommandSpec command) => new CommandFilter(command);

    /// <summary>Throws <see cref="ArgumentException"/> when the filter cannot work as given.</summary>
    public abstract void Validate();

    /// <summary>
    /// The root of the process subtree this filter selects (<paramref name="tracerPid"/> is the tracer's own process),
    /// or null when it selects no subtree. A tracer with a root follows forks from it.
    /// </summary>
    internal virtual int? SubtreeRoot(int tracerPid) => null;

    /// <summary>
    /// The tree depth reported as depth 0 (<see cref="ExecEvent.Depth"/>): the subtree's root, or pid 1 without one;
    /// a command's, whose tree is rooted at the tracer, is the command.
    /// </summary>
    internal virtual int TopDepth => 0;

    /// <summary>
    /// Whether the subtree exists before tracing and its processes then are in scope: the root must exist, and the
    /// exits of the processes found at start are reported.
    /// </summary>
    internal virtual bool IncludesExistingProcesses => false;

    /// <summary>The command the tracer launches once subscribed, whose subtree alone is in scope; null for none.</summary>
    internal virtual CommandSpec? CommandToLaunch => null;

    /// <summary>Whether waiting for the launched command lasts until its whole subtree has ended.</summary>
    internal virtual bool WaitsForSubtree => false;

    /// <summary>Whether every child the tracer forks once tracing has started belongs to the launched command.</summary>
    internal virtual bool ClaimsTracerChildren => false;

    /// <summary>
    /// The filter to trace with, once what it names is found (a container's id and first process, through the
    /// engine or the processes' cgroups); itself for filters that name nothing to find.
    /// </summary>
    internal virtual ValueTask<ExecTraceFilter> ResolveAsync(IProcessInfoReader reader, IContainerEngine? engine, CancellationToken cancellationToken) =>
        ValueTask.FromResult(this);

    /// <summary>The container the filter traces, as it was found (so events name it without asking its engine again); null for none.</summary>
    internal virtual ContainerInfo? TracedContainer => null;

    /// <summary>The process whose end ends the scope (a container's first process); null when the scope never ends by itself.</summary>
    internal virtual int? ScopeOwnerPid => null;

    /// <summary>What of this scope a source may decide in the kernel: only what admits every process this filter admits.</summary>
    internal virtual KernelScope KernelScope => KernelScope.Everything;

    /// <summary>Whether a process of the subtree (or of the machine) that just exec'd is in scope. Called on the receive thread.</summary>
    /// <remarks>Abstract and internal: no filter kind can be declared outside this assembly (not even through the record's copy constructor).</remarks>
    internal abstract ScopeVerdict Admit(int pid, IProcessInfoReader reader);
}
