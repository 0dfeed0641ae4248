using System.ComponentModel.DataAnnotations;
using Tracing.Filtering;
using Tracing.Tracer;

namespace Tracing.Hosting.Configuration;

/// <summary>
/// The configuration section <c>ExecTracing</c> (appsettings.json, environment variables, ...). Settings left out
/// keep the defaults; code passed to <c>AddExecTracing(o =&gt; ...)</c> runs after them and wins. The backends'
/// settings are in the sub-sections <see cref="ProcConnectorSectionName"/> and <see cref="DarwinPollingSectionName"/>.
/// </summary>
public sealed class ExecTracingSettings : IValidatableObject
{
    /// <summary>The configuration section's name.</summary>
    public const string SectionName = "ExecTracing";

    /// <summary>The section of the Linux backend's settings (<c>ProcConnectorOptions</c>).</summary>
    public const string ProcConnectorSectionName = SectionName + ":ProcConnector";

    /// <summary>The section of the container engines' settings (<c>ContainerEngineOptions</c>: which API socket, how long to wait).</summary>
    public const string ContainerEngineSectionName = SectionName + ":ContainerEngine";

    /// <summary>The section of the macOS backend's settings (<c>DarwinPollingOptions</c>).</summary>
    public const string DarwinPollingSectionName = SectionName + ":DarwinPolling";

    /// <summary>
    /// <c>Everything</c> (default), <c>ProcessTree</c> (needs <see cref="Pid"/>), <c>Cgroup</c> (needs <see cref="Cgroup"/>)
    /// or <c>Container</c> (needs <see cref="Container"/>);
    /// a name in any letter case, not a number.
    /// </summary>
    public ExecTracingScope? Scope { get; set; }

    /// <summary>The root process of a <c>ProcessTree</c> scope (and set with no other): a positive process id.</summary>
    [Range(1, int.MaxValue)]
    public int? Pid { get; set; }

    /// <summary>
    /// The cgroup of a <c>Cgroup</c> scope (and set with no other): a /sys/fs/cgroup path, which must be a cgroup, or a
    /// hierarchy path such as /system.slice/x.service; checked as <c>exectrace --cgroup</c> checks it.
    /// </summary>
    public string? Cgroup { get; set; }

    /// <summary>
    /// The container of a <c>Container</c> scope (and set with no other): its name, id or id prefix, found when tracing
    /// starts through the container engine (<c>ExecTracing:ContainerEngine</c>), or by id in the processes' cgroups.
    /// </summary>
    public string? Container { get; set; }

    /// <summary>
    /// Report only the execs whose command name (the kernel's <c>comm</c>, at most 15 bytes) is one of these; a list
    /// (<c>ExecTracing:CommandNames:0=git</c>, a JSON array). Left out: any name. See <see cref="ExecCondition.CommandName"/>.
    /// </summary>
    public IList<string>? CommandNames { get; set; }

    /// <summary>
    /// Report only the execs whose real user id is one of these; a list (<c>ExecTracing:Uids:0=1000</c>, a JSON array)
    /// of numbers, 0 to 4294967294. Left out: any user. See <see cref="ExecCondition.RealUid"/>.
    /// </summary>
    public IList<uint>? Uids { get; set; }

    /// <summary>Also report exits.</summary>
    public bool? IncludeExits { get; set; }

    /// <summary>What to read per exec: names, comma-separated, e.g. <c>WorkingDirectory, Credentials</c>.</summary>
    public ExecDetails? Details { get; set; }

    /// <summary>Each subscriber queue's capacity: 16 to 16777216.</summary>
    public int? QueueCapacity { get; set; }

    /// <summary>What a full subscriber queue gives up: <c>DropNewest</c> or <c>DropOldest</c>.</summary>
    public QueueFullMode? QueueFullMode { get; set; }

    // The messages name the keys themselves, so the results name no member (which would be put before them).
    IEnumerable<ValidationResult> IValidatableObject.Validate(ValidationContext validationContext)
    {
        const string Prefix = SectionName + ":";
        foreach (var error in ConditionErrors())
        {
            yield return new(error);
        }

        var hasCgroup = !string.IsNullOrEmpty(Cgroup);
        var hasContainer = !string.IsNullOrEmpty(Container);
        switch (Scope)
        {
            case null when Pid is not null || hasCgroup || hasContainer:
                yield return new($"{Prefix}Scope must say which of {Prefix}Pid, {Prefix}Cgroup or {Prefix}Container applies (ProcessTree, Cgroup or Container).");
                yield break;
            case null:
                yield break;
            case ExecTracingScope.ProcessTree when Pid is null:
                yield return new($"{Prefix}Pid must be set when {Prefix}Scope is ProcessTree.");
                break;
            case ExecTracingScope.Cgroup when string.IsNullOrWhiteSpace(Cgroup):
                yield return new($"{Prefix}Cgroup must be set when {Prefix}Scope is Cgroup.");
                break;
            case ExecTracingScope.Container when string.IsNullOrWhiteSpace(Container):
                yield return new($"{Prefix}Container must be set when {Prefix}Scope is Container.");
                break;
            case ExecTracingScope.Container when ContainerError(Container) is { } error:
                yield return new($"{Prefix}Container: {error}");
                break;
            case ExecTracingScope.Everything or ExecTracingScope.ProcessTree or ExecTracingScope.Cgroup or ExecTracingScope.Container:
                break;
            default:
                yield return new(EnumSetting.NotOneOf<ExecTracingScope>(Prefix + nameof(Scope), Scope.Value.ToString()));
                yield break;
        }

        // A setting the scope does not read would be ignored silently.
        if (Pid is not null && Scope != ExecTracingScope.ProcessTree)
        {
            yield return new($"{Prefix}Pid applies only when {Prefix}Scope is ProcessTree; it is {Scope}.");
        }

        if (hasCgroup && Scope != ExecTracingScope.Cgroup)
        {
            yield return new($"{Prefix}Cgroup applies only when {Prefix}Scope is Cgroup; it is {Scope}.");
        }

        if (hasContainer && Scope != ExecTracingScope.Container)
        {
            yield return new($"{Prefix}Container applies only when {Prefix}Scope is Container; it is {Scope}.");
        }
    }

    // The conditions' own checks, in their words, under the keys they come from.
    private IEnumerable<string> ConditionErrors()
    {
        if (CommandNames is not null && ErrorOf(ExecCondition.CommandName(CommandNames).Validate) is { } names)
        {
            yield return $"{SectionName}:{nameof(CommandNames)}: {names}";
        }

        if (Uids is not null && ErrorOf(ExecCondition.RealUid(Uids).Validate) is { } uids)
        {
            yield return $"{SectionName}:{nameof(Uids)}: {uids}";
        }
    }

    private static string? ContainerError(string? container) => ErrorOf(ExecTraceFilter.Container(container!).Validate);

    // A filter's or condition's own check, in its words (without the parameter name .NET appends); null when it passes.
    private static string? ErrorOf(Action validate)
    {
        try
        {
            validate();
            return null;
        }
        catch (ArgumentException e)
        {
            return e.Message.Replace($" (Parameter '{e.ParamName}')", string.Empty, StringComparison.Ordinal);
        }
    }
}
