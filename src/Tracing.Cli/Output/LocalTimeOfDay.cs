using System.Text;

namespace Tracing.Cli.Output;

/// <summary>
/// Appends an instant as local <c>HH:mm:ss.fff</c>, the text lines' first column, at a few nanoseconds a line:
/// the zone's offset is looked up once a minute (offsets change only on minute boundaries) and the digits are
/// written directly, where <c>ToLocalTime().ToString(format)</c> cost about a microsecond per exec on the receive thread.
/// </summary>
internal sealed class LocalTimeOfDay(TimeZoneInfo zone)
{
    private long _cachedMinute = long.MinValue;
    private long _offsetTicks;

    /// <summary>Uses the machine's local zone.</summary>
    public LocalTimeOfDay()
        : this(TimeZoneInfo.Local)
    {
    }

    public void Append(StringBuilder line, DateTimeOffset time)
    {
        var utcTicks = time.UtcTicks;
        var minute = utcTicks / TimeSpan.TicksPerMinute;
        if (minute != _cachedMinute)
        {
            _offsetTicks = zone.GetUtcOffset(new DateTime(utcTicks, DateTimeKind.Utc)).Ticks;
            _cachedMinute = minute;
        }

        var ofDay = (utcTicks + _offsetTicks) % TimeSpan.TicksPerDay;
        if (ofDay < 0)
        {
            ofDay += TimeSpan.TicksPerDay;
        }

        var milliseconds = (int)(ofDay / TimeSpan.TicksPerMillisecond);
        Span<char> text = stackalloc char[12];
        Two(text, 0, milliseconds / 3_600_000);
        text[2] = ':';
        Two(text, 3, milliseconds / 60_000 % 60);
        text[5] = ':';
        Two(text, 6, milliseconds / 1000 % 60);
        text[8] = '.';
        var fraction = milliseconds % 1000;
        text[9] = (char)('0' + (fraction / 100));
        Two(text, 10, fraction % 100);
        line.Append(text);
    }

    private static void Two(Span<char> text, int at, int value)
    {
        text[at] = (char)('0' + (value / 10));
        text[at + 1] = (char)('0' + (value % 10));
    }
}
