using Tracing.Tracer;

namespace Tracing.Hosting.Configuration;

/// <summary>
/// The configuration section <c>ExecTracing</c> (appsettings.json, environment variables, ...). Settings left out
/// keep the defaults; code passed to <c>AddExecTracing(o =&gt; ...)</c> runs after them and wins.
/// </summary>
public sealed class ExecTracingSettings
{
    /// <summary>The configuration section's name.</summary>
    public const string SectionName = "ExecTracing";

    /// <summary><c>Everything</c> (default), <c>ProcessTree</c> (needs <see cref="Pid"/>) or <c>Cgroup</c> (needs <see cref="Cgroup"/>).</summary>
    public string? Scope { get; set; }

    /// <summary>The root process of a <c>ProcessTree</c> scope.</summary>
    public int? Pid { get; set; }

    /// <summary>The cgroup of a <c>Cgroup</c> scope: a /sys/fs/cgroup path or a hierarchy path such as /system.slice/x.service.</summary>
    public string? Cgroup { get; set; }

    /// <summary>Also report exits.</summary>
    public bool? IncludeExits { get; set; }

    /// <summary>What to read per exec, e.g. <c>WorkingDirectory, Credentials</c>.</summary>
    public ExecDetails? Details { get; set; }

    /// <summary>Each subscriber queue's capacity.</summary>
    public int? QueueCapacity { get; set; }

    /// <summary>What a full subscriber queue gives up: <c>DropNewest</c> or <c>DropOldest</c>.</summary>
    public QueueFullMode? QueueFullMode { get; set; }
}
