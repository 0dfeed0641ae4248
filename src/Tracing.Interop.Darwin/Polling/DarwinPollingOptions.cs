using System.ComponentModel.DataAnnotations;
using System.Diagnostics.CodeAnalysis;

namespace Tracing.Darwin.Polling;

/// <summary>
/// Settings of the macOS polling event source. Through <c>AddExecTracing()</c> they come from the configuration section
/// <c>ExecTracing:DarwinPolling</c> and are validated on start.
/// </summary>
public sealed class DarwinPollingOptions
{
    /// <summary>The shortest interval accepted.</summary>
    public static readonly TimeSpan MinInterval = TimeSpan.FromMilliseconds(10);

    /// <summary>The longest interval accepted.</summary>
    public static readonly TimeSpan MaxInterval = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How often the process table is read. A process that starts and ends within one interval is never seen;
    /// a shorter interval sees more and costs more CPU. Default: 100 ms; 10 ms to 1 minute.
    /// </summary>
    /// <remarks>The range attribute repeats <see cref="MinInterval"/> and <see cref="MaxInterval"/>, as attributes take only constants.</remarks>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00", ParseLimitsInInvariantCulture = true)]
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "The TimeSpan range is read by the generated validator in Tracing.Hosting, which parses it with TimeSpan.TryParse; no TypeConverter runs.")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Also read every live process's argv at each poll, to see an exec that keeps the command name
    /// (a shell exec'ing another shell). Costs one <c>KERN_PROCARGS2</c> call per process per poll. Default: false.
    /// </summary>
    public bool CompareArguments { get; set; }

    /// <summary>What is wrong with the settings, one message each naming the setting; empty when valid.</summary>
    public IReadOnlyList<string> GetValidationErrors()
    {
        var errors = new List<string>();
        if (Interval < MinInterval || Interval > MaxInterval)
        {
            errors.Add($"{nameof(Interval)} must be between {MinInterval.TotalMilliseconds} ms and {MaxInterval.TotalMilliseconds} ms; got {Interval.TotalMilliseconds} ms.");
        }

        return errors;
    }

    /// <summary>Throws when the settings are invalid.</summary>
    /// <exception cref="ArgumentException">A setting is out of range.</exception>
    public void Validate()
    {
        var errors = GetValidationErrors();
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid macOS polling options: " + string.Join(" ", errors));
        }
    }
}
