namespace Tracing.Tracer;

/// <summary>
/// Which processes a tracer follows, as a setting (<see cref="ExecTracingOptions.Scope"/>, the configuration key
/// <c>ExecTracing:Scope</c>); code may set <see cref="ExecTracingOptions.Filter"/> instead.
/// </summary>
public enum ExecTracingScope
{
    /// <summary>Every process on the machine.</summary>
    Everything,

    /// <summary>The process <see cref="ExecTracingOptions.Pid"/> and its descendants.</summary>
    ProcessTree,

    /// <summary>The processes in the cgroup <see cref="ExecTracingOptions.Cgroup"/> and its descendant cgroups.</summary>
    Cgroup,

    /// <summary>The processes in the running container <see cref="ExecTracingOptions.Container"/> (a name, id or id prefix); tracing ends when it stops.</summary>
    Container,
}
