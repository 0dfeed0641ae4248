namespace Tracing.Hosting.Configuration;

/// <summary>Which processes the configuration section <c>ExecTracing</c> traces (<c>ExecTracing:Scope</c>).</summary>
public enum ExecTracingScope
{
    /// <summary>Every process on the machine.</summary>
    Everything,

    /// <summary>The process <c>ExecTracing:Pid</c> and its descendants.</summary>
    ProcessTree,

    /// <summary>The processes in the cgroup <c>ExecTracing:Cgroup</c> and its descendant cgroups.</summary>
    Cgroup,

    /// <summary>The processes in the running container <c>ExecTracing:Container</c> (a name, id or id prefix); tracing ends when it stops.</summary>
    Container,
}
