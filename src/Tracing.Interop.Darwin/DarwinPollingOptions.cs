using System.ComponentModel.DataAnnotations;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Tracing.Darwin;

/// <summary>
/// Settings of the macOS polling event source. Through <c>AddExecTracing()</c> they come from the configuration section
/// <c>ExecTracing:DarwinPolling</c> and are validated on start against the ranges below.
/// </summary>
public sealed class DarwinPollingOptions
{
    // The range's one home: the attribute (read by the validator Hosting generates) and the event source's own check.
    internal const string MinIntervalText = "00:00:00.010";
    internal const string MaxIntervalText = "00:01:00";

    /// <summary>
    /// How often the process table is read. A process that starts and ends within one interval is never seen;
    /// a shorter interval sees more and costs more CPU. Default: 100 ms; 10 ms to 1 minute.
    /// </summary>
    [Range(typeof(TimeSpan), MinIntervalText, MaxIntervalText, ParseLimitsInInvariantCulture = true)]
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "The TimeSpan range is read by the generated validator in Tracing.Hosting, which parses it with TimeSpan.TryParse; no TypeConverter runs.")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Also read every live process's argv at each poll, to see an exec that keeps the command name
    /// (a shell exec'ing another shell). Costs one <c>KERN_PROCARGS2</c> call per process per poll. Default: false.
    /// </summary>
    public bool CompareArguments { get; set; }

    internal static TimeSpan MinInterval => TimeSpan.Parse(MinIntervalText, CultureInfo.InvariantCulture);

    internal static TimeSpan MaxInterval => TimeSpan.Parse(MaxIntervalText, CultureInfo.InvariantCulture);

    /// <summary>Throws when the interval is out of the range the attribute states (for a source made without Hosting).</summary>
    /// <param name="parameterName">The parameter the options came in.</param>
    /// <exception cref="ArgumentOutOfRangeException">The interval is out of range.</exception>
    internal void ThrowIfInvalid(string parameterName)
    {
        if (Interval < MinInterval || Interval > MaxInterval)
        {
            throw new ArgumentOutOfRangeException(
                parameterName,
                $"{nameof(DarwinPollingOptions)}.{nameof(Interval)} must be between {MinIntervalText} and {MaxIntervalText}; got {Interval}.");
        }
    }
}
