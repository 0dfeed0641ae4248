namespace Tracing.Events;

/// <summary>
/// The one spelling of each <see cref="LossReason"/> outside .NET: the <c>tracing.loss.reason</c> attribute of the
/// <c>tracing.events.lost</c> metric and of exported loss records, and the JSON output's <c>reason</c>.
/// </summary>
public static class LossReasonNames
{
    /// <summary>The reason's name: <c>kernel_buffer_overflow</c>, <c>subscriber_queue_full</c>, <c>scope_undecided</c>,
    /// <c>match_undecided</c>, <c>export_queue_full</c>, <c>export_failed</c>; the number for a value not defined.</summary>
    /// <param name="reason">The reason.</param>
    /// <returns>Its name.</returns>
    public static string Get(LossReason reason) => reason switch
    {
        LossReason.KernelBufferOverflow => "kernel_buffer_overflow",
        LossReason.SubscriberQueueFull => "subscriber_queue_full",
        LossReason.ScopeUndecided => "scope_undecided",
        LossReason.MatchUndecided => "match_undecided",
        LossReason.ExportQueueFull => "export_queue_full",
        LossReason.ExportFailed => "export_failed",
        _ => ((int)reason).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
