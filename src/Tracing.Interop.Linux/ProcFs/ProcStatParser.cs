using System.Globalization;
using System.Text;
using Tracing.Ports;

namespace Tracing.Linux.ProcFs;

/// <summary>Parses <c>/proc/PID/stat</c>: <c>pid (comm) state ppid pgrp ... starttime ...</c> (proc(5)).</summary>
internal static class ProcStatParser
{
    // starttime is field 22 of proc(5); the fields after ppid (field 4) start at field 5.
    private const int FieldsFromPgrpToStartTime = 22 - 5;

    /// <summary>Parses pid, parent pid, command name and state.</summary>
    /// <returns>False when the content is not a stat line.</returns>
    public static bool TryParse(ReadOnlySpan<byte> content, out ProcessStat stat) =>
        TryParseHead(content, out stat, out _);

    /// <summary>Parses pid, parent pid, command name, state and the start time.</summary>
    /// <param name="content">The file's content.</param>
    /// <param name="stat">The parsed fields.</param>
    /// <param name="startTimeTicks">When the process started, in clock ticks (<c>sysconf(_SC_CLK_TCK)</c>) since boot.</param>
    /// <returns>False when the content is not a stat line or has no start time.</returns>
    public static bool TryParse(ReadOnlySpan<byte> content, out ProcessStat stat, out ulong startTimeTicks)
    {
        startTimeTicks = 0;
        if (!TryParseHead(content, out stat, out var rest))
        {
            return false;
        }

        for (var skipped = 0; skipped < FieldsFromPgrpToStartTime; skipped++)
        {
            var space = rest.IndexOf((byte)' ');
            if (space < 0)
            {
                stat = default;
                return false;
            }

            rest = rest[(space + 1)..];
        }

        if (!ulong.TryParse(NextField(rest), NumberStyles.None, CultureInfo.InvariantCulture, out startTimeTicks))
        {
            stat = default;
            return false;
        }

        return true;
    }

    /// <summary>Parses up to ppid; <paramref name="rest"/> starts at the field after it (pgrp).</summary>
    private static bool TryParseHead(ReadOnlySpan<byte> content, out ProcessStat stat, out ReadOnlySpan<byte> rest)
    {
        stat = default;
        rest = default;

        // comm may hold spaces, parentheses and newlines: it runs from the first '(' to the last ')'.
        var open = content.IndexOf((byte)'(');
        var close = content.LastIndexOf((byte)')');
        if (open < 2 || close < open || content[open - 1] != (byte)' '
            || !int.TryParse(content[..(open - 1)], NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
        {
            return false;
        }

        // What follows is " S ppid pgrp ...": single spaces, no more parentheses.
        var tail = content[(close + 1)..];
        if (tail.Length < 4 || tail[0] != (byte)' ' || tail[2] != (byte)' ')
        {
            return false;
        }

        var state = (char)tail[1];
        tail = tail[3..];
        var parentPidField = NextField(tail);
        if (!int.TryParse(parentPidField, NumberStyles.None, CultureInfo.InvariantCulture, out var parentPid))
        {
            return false;
        }

        rest = parentPidField.Length < tail.Length ? tail[(parentPidField.Length + 1)..] : default;
        stat = new ProcessStat(pid, parentPid, Encoding.UTF8.GetString(content[(open + 1)..close]), state);
        return true;
    }

    private static ReadOnlySpan<byte> NextField(ReadOnlySpan<byte> text)
    {
        var end = text.IndexOfAny((byte)' ', (byte)'\n');
        return end < 0 ? text : text[..end];
    }
}
