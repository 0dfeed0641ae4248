using Tracing.Filtering;

namespace Tracing.Tracer;

/// <summary>Validation: every problem at once, each naming its setting.</summary>
public sealed partial class ExecTracingOptions
{
    /// <summary>Returns the problems with these options, each naming the setting; empty when valid.</summary>
    /// <returns>The problems, one sentence each; empty when the options are valid.</returns>
    public IReadOnlyList<string> GetValidationErrors() => GetValidationErrors(string.Empty);

    /// <summary>
    /// Returns the problems with these options, each naming the setting after <paramref name="settingPrefix"/> (e.g.
    /// <c>ExecTracing:</c>, so that <c>ExecTracing:Pid must be set when ExecTracing:Scope is ProcessTree.</c> names the
    /// configuration keys); empty when valid.
    /// </summary>
    /// <param name="settingPrefix">Put before each setting's name; empty for none.</param>
    /// <returns>The problems, one sentence each; empty when the options are valid.</returns>
    public IReadOnlyList<string> GetValidationErrors(string settingPrefix)
    {
        ArgumentNullException.ThrowIfNull(settingPrefix);
        var p = settingPrefix;
        var errors = new List<string>();
        if (Filter is not null)
        {
            if (ErrorOf(Filter.Validate) is { } error)
            {
                errors.Add($"{p}{nameof(Filter)}: {error}");
            }
        }
        else
        {
            AddScopeErrors(p, errors);
        }

        if (CommandNames is not null && ErrorOf(ExecCondition.CommandName(CommandNames).Validate) is { } names)
        {
            errors.Add($"{p}{nameof(CommandNames)}: {names}");
        }

        if (Uids is not null && ErrorOf(ExecCondition.RealUid(Uids).Validate) is { } uids)
        {
            errors.Add($"{p}{nameof(Uids)}: {uids}");
        }

        for (var i = 0; i < Conditions.Count; i++)
        {
            var condition = Conditions[i];
            if ((condition is null ? "must not be null." : ErrorOf(condition.Validate)) is { } error)
            {
                errors.Add($"{p}{nameof(Conditions)}[{i}]: {error}");
            }
        }

        if (QueueCapacity is < 16 or > 16_777_216)
        {
            errors.Add($"{p}{nameof(QueueCapacity)} must be between 16 and 16777216; got {QueueCapacity}.");
        }

        if (!Enum.IsDefined(QueueFullMode))
        {
            errors.Add($"{p}{nameof(QueueFullMode)} must be DropNewest or DropOldest; got {QueueFullMode}.");
        }

        if (!Enum.IsDefined(Source))
        {
            errors.Add($"{p}{nameof(Source)} must be Auto, Bpf or ProcConnector; got {Source}.");
        }

        return errors;
    }

    // The scope and its settings, when no filter was set: what it needs, and no setting it would not read.
    private void AddScopeErrors(string p, List<string> errors)
    {
        if (Pid is < 1)
        {
            errors.Add($"The field {p}{nameof(Pid)} must be between 1 and {int.MaxValue}.");
        }

        var hasCgroup = !string.IsNullOrEmpty(Cgroup);
        var hasContainer = !string.IsNullOrEmpty(Container);
        switch (Scope)
        {
            case null when Pid is not null || hasCgroup || hasContainer:
                errors.Add($"{p}Scope must say which of {p}Pid, {p}Cgroup or {p}Container applies (ProcessTree, Cgroup or Container).");
                return;
            case null:
                return;
            case ExecTracingScope.ProcessTree when Pid is null:
                errors.Add($"{p}Pid must be set when {p}Scope is ProcessTree.");
                break;
            case ExecTracingScope.Cgroup when string.IsNullOrWhiteSpace(Cgroup):
                errors.Add($"{p}Cgroup must be set when {p}Scope is Cgroup.");
                break;
            case ExecTracingScope.Cgroup when ErrorOf(ExecTraceFilter.Cgroup(Cgroup!).Validate) is { } error:
                errors.Add($"{p}Cgroup: {error}");
                break;
            case ExecTracingScope.Container when string.IsNullOrWhiteSpace(Container):
                errors.Add($"{p}Container must be set when {p}Scope is Container.");
                break;
            case ExecTracingScope.Container when ErrorOf(ExecTraceFilter.Container(Container!).Validate) is { } error:
                errors.Add($"{p}Container: {error}");
                break;
            case ExecTracingScope.Everything or ExecTracingScope.ProcessTree or ExecTracingScope.Cgroup or ExecTracingScope.Container:
                break;
            default:
                errors.Add($"{p}Scope '{Scope}' is not one of {string.Join(", ", Enum.GetNames<ExecTracingScope>())}.");
                return;
        }

        // A setting the scope does not read would be ignored silently.
        if (Pid is not null && Scope != ExecTracingScope.ProcessTree)
        {
            errors.Add($"{p}Pid applies only when {p}Scope is ProcessTree; it is {Scope}.");
        }

        if (hasCgroup && Scope != ExecTracingScope.Cgroup)
        {
            errors.Add($"{p}Cgroup applies only when {p}Scope is Cgroup; it is {Scope}.");
        }

        if (hasContainer && Scope != ExecTracingScope.Container)
        {
            errors.Add($"{p}Container applies only when {p}Scope is Container; it is {Scope}.");
        }
    }

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
