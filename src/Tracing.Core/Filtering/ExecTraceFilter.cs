namespace Tracing.Filtering;

/// <summary>Which processes a tracer reports.</summary>
public abstract record ExecTraceFilter
{
    private protected ExecTraceFilter()
    {
    }

    /// <summary>Every process on the machine.</summary>
    public static ExecTraceFilter Everything { get; } = new EverythingFilter();

    /// <summary>A process and all its descendants, including those that exist before tracing starts.</summary>
    public static ExecTraceFilter ProcessTree(int rootPid) => new ProcessTreeFilter(rootPid);

    /// <summary>Processes in a cgroup or below it (v1 or v2), by the path <c>/proc/PID/cgroup</c> shows, e.g. <c>/system.slice/foo.service</c>.</summary>
    public static ExecTraceFilter Cgroup(string path) => new CgroupFilter(path);

    /// <summary>Processes in a cgroup or below it, in one hierarchy.</summary>
    /// <param name="path">The cgroup's path within its hierarchy, e.g. <c>/foo</c>.</param>
    /// <param name="controller">
    /// The hierarchy: null for any; <c>""</c> for the cgroup v2 unified hierarchy; a v1 controller list such as <c>cpu,cpuacct</c>
    /// or <c>name=systemd</c>.
    /// </param>
    public static ExecTraceFilter Cgroup(string path, string? controller) => new CgroupFilter(path, controller);

    /// <summary>A command the tracer starts once it is subscribed, and everything it starts.</summary>
    public static ExecTraceFilter RunCommand(Ports.CommandSpec command) => new CommandFilter(command);

    /// <summary>Throws <see cref="ArgumentException"/> when the filter cannot work as given.</summary>
    public abstract void Validate();
}
