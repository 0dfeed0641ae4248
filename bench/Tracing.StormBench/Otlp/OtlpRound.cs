using System.Globalization;
using Tracing.StormBench.Results;
using Tracing.StormBench.Tracers;

namespace Tracing.StormBench.Otlp;

/// <summary>The OTLP side of one round: waiting for the export's tail, and the round's line of requests and bytes.</summary>
internal static class OtlpRound
{
    /// <summary>
    /// The exporter's batch processors send when 512 items are queued or every second (ExecOtlpExporter's schedule
    /// delay), so the storm's last records and spans leave up to 1 s after the tracer went quiet: that export's CPU is
    /// part of the cost, so the measurement waits for one more tick, then for the tracer to be quiet again.
    /// </summary>
    public static readonly TimeSpan ScheduleDelay = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Waits until the ready probes' records and spans have reached the receiver, so the export path's first use (the
    /// JIT compiling it, HttpClient connecting) is behind, as exectrace's own hot path is warmed before it subscribes:
    /// the figures are the steady state of a long-running agent. Then for the tracer to be quiet.
    /// </summary>
    /// <returns>False when nothing came within 15 s.</returns>
    public static bool WaitFirstExport(NullOtlpReceiver receiver, OtlpCounts atStart, TracerSession session)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        bool Exported() => receiver.Counts is var now && now.LogRequests > atStart.LogRequests && now.TraceRequests > atStart.TraceRequests;
        while (!Exported() && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(50);
        }

        session.WaitQuiet();
        return Exported();
    }

    public static void WaitExported(TracerSession session)
    {
        Thread.Sleep(ScheduleDelay + TimeSpan.FromMilliseconds(300));
        session.WaitQuiet();
    }

    /// <summary>The receiver's counts once it has taken nothing more for 200 ms (the tracer has exited: only its last sends can be in flight).</summary>
    public static OtlpCounts Settle(NullOtlpReceiver receiver)
    {
        var last = receiver.Counts;
        for (var i = 0; i < 25; i++)
        {
            Thread.Sleep(200);
            var now = receiver.Counts;
            if (now == last)
            {
                break;
            }

            last = now;
        }

        return last;
    }

    /// <summary>
    /// One line: requests and body bytes per signal from the tracer's start to its exit, bytes per exec of the storm
    /// (each exec is an exec record, an exit record and a span; execs of the rest of the machine ride along), what was
    /// still sent at stop (outside the CPU measured), the receiver's own CPU; and whatever exectrace said about OTLP.
    /// </summary>
    public static void Report(TextWriter log, RunResult result, OtlpCounts counts, OtlpCounts measured, string diagnostics)
    {
        var invariant = CultureInfo.InvariantCulture;
        var atStop = counts - measured;
        log.WriteLine(string.Create(invariant,
            $"    otlp: logs {counts.LogRequests} req {counts.LogBytes} B, spans {counts.TraceRequests} req {counts.TraceBytes} B, " +
            $"{result.OtlpBytesPerExec:0.0} B/exec (logs {(double)counts.LogBytes / result.Count:0.0} + spans {(double)counts.TraceBytes / result.Count:0.0}); " +
            $"sent at stop {atStop.LogRequests + atStop.TraceRequests} req {atStop.Bytes} B; receiver cpu {result.ReceiverMicrosecondsPerExec:0.00} µs/exec") +
            (counts.OtherRequests > 0 ? string.Create(invariant, $"; {counts.OtherRequests} request(s) to other paths") : string.Empty));
        var said = diagnostics.Split('\n').Where(line => line.Contains("OTLP", StringComparison.Ordinal)).ToList();
        log.WriteLine(said.Count == 0 ? "    otlp: exectrace said nothing about export losses" : $"    otlp: EXECTRACE SAID: {string.Join(" | ", said)}");
    }
}
