using Tracing.Filtering;

namespace Tracing.Tracer;

/// <summary>How an <see cref="ExecTracer"/> traces.</summary>
public sealed class ExecTracingOptions
{
    /// <summary>Which processes to report. Default: every process.</summary>
    public ExecTraceFilter Filter { get; set; } = ExecTraceFilter.Everything;

    /// <summary>
    /// Which execs in scope are reported: every condition must hold (a condition holds when the exec has any one of
    /// its values), e.g. <c>ExecCondition.CommandName("git")</c> and <c>ExecCondition.RealUid(1000)</c>. Empty (default):
    /// every exec in scope. The processes followed are the filter's either way, so the descendants of a process that
    /// does not match are reported when they match. An exit is reported only for a process an exec of which was.
    /// A run keeps the conditions it started with.
    /// </summary>
    public IList<ExecCondition> Conditions { get; } = [];

    /// <summary>Also report exits of the processes whose exec was reported (or that were in the traced tree). Default: false.</summary>
    public bool IncludeExits { get; set; }

    /// <summary>What to read for each exec besides argv, parent and command name. Default: <see cref="ExecDetails.All"/>.</summary>
    public ExecDetails Details { get; set; } = ExecDetails.All;

    /// <summary>How many events each subscriber queue holds before further events for it are dropped (and counted). Default: 65536.</summary>
    public int QueueCapacity { get; set; } = 65_536;

    /// <summary>What a full subscriber queue gives up. Default: <see cref="QueueFullMode.DropNewest"/>.</summary>
    public QueueFullMode QueueFullMode { get; set; }

    /// <summary>Returns the problems with these options, each naming the setting; empty when valid.</summary>
    public IReadOnlyList<string> GetValidationErrors()
    {
        var errors = new List<string>();
        if (Filter is null)
        {
            errors.Add($"{nameof(Filter)} must be set.");
        }
        else
        {
            try
            {
                Filter.Validate();
            }
            catch (ArgumentException e)
            {
                errors.Add($"{nameof(Filter)}: {e.Message}");
            }
        }

        for (var i = 0; i < Conditions.Count; i++)
        {
            try
            {
                var condition = Conditions[i] ?? throw new ArgumentException("must not be null.");
                condition.Validate();
            }
            catch (ArgumentException e)
            {
                errors.Add($"{nameof(Conditions)}[{i}]: {e.Message.Replace($" (Parameter '{e.ParamName}')", string.Empty, StringComparison.Ordinal)}");
            }
        }

        if (QueueCapacity is < 16 or > 16_777_216)
        {
            errors.Add($"{nameof(QueueCapacity)} must be between 16 and 16777216; got {QueueCapacity}.");
        }

        if (!Enum.IsDefined(QueueFullMode))
        {
            errors.Add($"{nameof(QueueFullMode)} must be DropNewest or DropOldest; got {QueueFullMode}.");
        }

        return errors;
    }
}
