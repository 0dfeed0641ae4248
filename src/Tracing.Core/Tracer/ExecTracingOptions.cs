using Tracing.Filtering;

namespace Tracing.Tracer;

/// <summary>
/// How an <see cref="ExecTracer"/> traces: set in code, or bound from configuration (the section <c>ExecTracing</c>
/// by default, each key named after a property). Which processes are followed is either <see cref="Filter"/>, set in
/// code, or the settings <see cref="Scope"/>, <see cref="Pid"/>, <see cref="Cgroup"/> and <see cref="Container"/>,
/// which configuration can hold; <see cref="GetFilter"/> says which one a tracer follows. Which execs are reported is
/// every condition of <see cref="CommandNames"/>, <see cref="Uids"/> and <see cref="Conditions"/> (<see cref="GetConditions"/>).
/// </summary>
public sealed partial class ExecTracingOptions
{
    /// <summary>The configuration section bound by default: <c>ExecTracing</c>.</summary>
    public const string SectionName = "ExecTracing";

    /// <summary>
    /// Which processes to report, set in code. When set, it wins: <see cref="Scope"/>, <see cref="Pid"/>,
    /// <see cref="Cgroup"/> and <see cref="Container"/> (from configuration, say) are then neither read nor checked.
    /// Null (default): <see cref="Scope"/> decides.
    /// </summary>
    public ExecTraceFilter? Filter { get; set; }

    /// <summary>
    /// Which processes to report when <see cref="Filter"/> is not set: <see cref="ExecTracingScope.Everything"/> (also
    /// when null, the default), <see cref="ExecTracingScope.ProcessTree"/> (needs <see cref="Pid"/>),
    /// <see cref="ExecTracingScope.Cgroup"/> (needs <see cref="Cgroup"/>) or <see cref="ExecTracingScope.Container"/>
    /// (needs <see cref="Container"/>). In configuration a name in any letter case, not a number.
    /// </summary>
    public ExecTracingScope? Scope { get; set; }

    /// <summary>The root process of a <see cref="ExecTracingScope.ProcessTree"/> scope (and set with no other): a positive process id.</summary>
    public int? Pid { get; set; }

    /// <summary>
    /// The cgroup of a <see cref="ExecTracingScope.Cgroup"/> scope (and set with no other): a path within a hierarchy as
    /// <c>/proc/PID/cgroup</c> shows it (<c>/system.slice/x.service</c>), or on Linux a /sys/fs/cgroup path, which must
    /// be a cgroup (checked as <c>exectrace --cgroup</c> checks it).
    /// </summary>
    public string? Cgroup { get; set; }

    /// <summary>
    /// The container of a <see cref="ExecTracingScope.Container"/> scope (and set with no other): its name, id or id
    /// prefix, found when tracing starts through the container engine, or by id in the processes' cgroups.
    /// </summary>
    public string? Container { get; set; }

    /// <summary>
    /// Report only the execs whose command name (the kernel's <c>comm</c>, at most 15 bytes) is one of these. In
    /// configuration a list (<c>ExecTracing:CommandNames:0=git</c>, a JSON array). Null or empty (default): any name.
    /// See <see cref="ExecCondition.CommandName"/>.
    /// </summary>
    public IList<string>? CommandNames { get; set; }

    /// <summary>
    /// Report only the execs whose real user id is one of these, 0 to 4294967294. In configuration a list
    /// (<c>ExecTracing:Uids:0=1000</c>, a JSON array). Null or empty (default): any user. See <see cref="ExecCondition.RealUid"/>.
    /// </summary>
    public IList<uint>? Uids { get; set; }

    /// <summary>
    /// More conditions an exec in scope must meet, set in code, e.g. <c>ExecCondition.CommandName("git")</c>: every
    /// condition must hold (a condition holds when the exec has any one of its values), these and those of
    /// <see cref="CommandNames"/> and <see cref="Uids"/>. Empty (default): no more. The processes followed are the
    /// scope's either way, so the descendants of a process that does not match are reported when they match. An exit
    /// is reported only for a process an exec of which was. A run keeps the conditions it started with.
    /// </summary>
    public IList<ExecCondition> Conditions { get; } = [];

    /// <summary>Also report exits of the processes whose exec was reported (or that were in the traced tree). Default: false.</summary>
    public bool IncludeExits { get; set; }

    /// <summary>
    /// Also report execs that failed (<see cref="Events.ExecFailedEvent"/>: a command not found, not executable), with
    /// the path, argv and error, in the same scope and conditions as execs. Needs a source that sees them (Linux's
    /// eBPF source, see <see cref="Source"/>): with one that does not, the tracer refuses to start and says so.
    /// Default: false.
    /// </summary>
    public bool IncludeFailedExecs { get; set; }

    /// <summary>
    /// Which kernel event source to use on Linux: <see cref="ExecTracingSource.Auto"/> (default: eBPF when the kernel
    /// and privileges allow it, else the proc connector, saying once in the log which it took and why),
    /// <see cref="ExecTracingSource.Bpf"/> or <see cref="ExecTracingSource.ProcConnector"/>. Other platforms have one
    /// source and take only <see cref="ExecTracingSource.Auto"/>. In configuration a name in any letter case.
    /// </summary>
    public ExecTracingSource Source { get; set; }

    /// <summary>
    /// What to read for each exec besides argv, parent and command name. Default: <see cref="ExecDetails.All"/>. In
    /// configuration names, comma-separated, e.g. <c>WorkingDirectory, Credentials</c>.
    /// </summary>
    public ExecDetails Details { get; set; } = ExecDetails.All;

    /// <summary>How many events each subscriber queue holds before further events for it are dropped (and counted): 16 to 16777216. Default: 65536.</summary>
    public int QueueCapacity { get; set; } = 65_536;

    /// <summary>What a full subscriber queue gives up. Default: <see cref="QueueFullMode.DropNewest"/>.</summary>
    public QueueFullMode QueueFullMode { get; set; }

    /// <summary>
    /// The filter a tracer follows: <see cref="Filter"/> when set, else the one <see cref="Scope"/> and its setting
    /// say (every process without a scope). Valid options (<see cref="GetValidationErrors()"/>) make a valid filter.
    /// </summary>
    /// <returns>The filter.</returns>
    /// <exception cref="InvalidOperationException">The scope lacks the setting it needs.</exception>
    public ExecTraceFilter GetFilter() => Filter ?? Scope switch
    {
        null or ExecTracingScope.Everything => ExecTraceFilter.Everything,
        ExecTracingScope.ProcessTree => ExecTraceFilter.ProcessTree(Pid ?? throw ScopeNeeds(nameof(Pid))),
        ExecTracingScope.Cgroup => ExecTraceFilter.Cgroup(Cgroup ?? throw ScopeNeeds(nameof(Cgroup))),
        ExecTracingScope.Container => ExecTraceFilter.Container(Container ?? throw ScopeNeeds(nameof(Container))),
        _ => throw new InvalidOperationException($"{nameof(Scope)} '{Scope}' is not one of {string.Join(", ", Enum.GetNames<ExecTracingScope>())}."),
    };

    /// <summary>
    /// The conditions an exec in scope must meet, all of them: one for <see cref="CommandNames"/> and one for
    /// <see cref="Uids"/> when they have values, then <see cref="Conditions"/>.
    /// </summary>
    /// <returns>The conditions; empty when every exec in scope is reported.</returns>
    public IReadOnlyList<ExecCondition> GetConditions()
    {
        var conditions = new List<ExecCondition>(Conditions.Count + 2);
        if (CommandNames is { Count: > 0 } names)
        {
            conditions.Add(ExecCondition.CommandName([.. names]));
        }

        if (Uids is { Count: > 0 } uids)
        {
            conditions.Add(ExecCondition.RealUid([.. uids]));
        }

        conditions.AddRange(Conditions);
        return conditions;
    }

    private InvalidOperationException ScopeNeeds(string setting) =>
        new($"{setting} must be set when {nameof(Scope)} is {Scope}.");
}
