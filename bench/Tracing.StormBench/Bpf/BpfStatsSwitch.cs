using System.Globalization;

namespace Tracing.StormBench.Bpf;

/// <summary>
/// <c>kernel.bpf_stats_enabled</c> set to 1 for a round (every program's run time and count are then kept, at a clock
/// read per run, which the BPF figure includes), and put back as it was on dispose.
/// </summary>
internal sealed class BpfStatsSwitch : IDisposable
{
    private const string Sysctl = "/proc/sys/kernel/bpf_stats_enabled";
    private static BpfStatsSwitch? s_active;
    private readonly string _previous;

    private BpfStatsSwitch(string previous) => _previous = previous;

    /// <summary>Turns the statistics on; null, with a warning, when the sysctl cannot be read or written.</summary>
    public static BpfStatsSwitch? Enable(TextWriter log)
    {
        try
        {
            var previous = File.ReadAllText(Sysctl).Trim();
            File.WriteAllText(Sysctl, "1");
            return s_active = new BpfStatsSwitch(previous);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            log.WriteLine($"warning: could not set kernel.bpf_stats_enabled=1 ({e.Message}); no in-kernel BPF time this round.");
            return null;
        }
    }

    /// <summary>On Ctrl-C: puts the sysctl back if a round had set it.</summary>
    public static void RestoreActive() => s_active?.Dispose();

    public void Dispose()
    {
        s_active = null;
        if (_previous != "1")
        {
            File.WriteAllText(Sysctl, int.TryParse(_previous, CultureInfo.InvariantCulture, out _) ? _previous : "0");
        }
    }
}
