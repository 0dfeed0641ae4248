using System.Globalization;
using Tracing.Ports;

namespace Tracing.Linux.ProcFs;

/// <summary>Parses <c>/proc/PID/status</c>: one <c>Name:\tvalue</c> line per field (proc(5)).</summary>
internal static class ProcStatusParser
{
    /// <summary>Parses the real and effective user ids from the <c>Uid:</c> line.</summary>
    /// <returns>False when there is no well-formed <c>Uid:</c> line.</returns>
    public static bool TryParse(ReadOnlySpan<byte> content, out ProcessCredentials credentials)
    {
        foreach (var line in new LineEnumerator(content))
        {
            if (line.StartsWith("Uid:"u8))
            {
                return TryParseUids(line["Uid:"u8.Length..], out credentials);
            }
        }

        credentials = default;
        return false;
    }

    /// <summary>Parses the user ids, the thread group id (the pid) and the parent pid.</summary>
    /// <returns>False unless the <c>Uid:</c>, <c>Tgid:</c> and <c>PPid:</c> lines are all there and well-formed.</returns>
    public static bool TryParse(ReadOnlySpan<byte> content, out ProcessCredentials credentials, out int tgid, out int parentPid)
    {
        credentials = default;
        tgid = 0;
        parentPid = 0;
        bool hasUid = false, hasTgid = false, hasParentPid = false;
        foreach (var line in new LineEnumerator(content))
        {
            if (line.StartsWith("Uid:"u8))
            {
                hasUid = TryParseUids(line["Uid:"u8.Length..], out credentials);
            }
            else if (line.StartsWith("Tgid:"u8))
            {
                hasTgid = TryParseInt32(line["Tgid:"u8.Length..], out tgid);
            }
            else if (line.StartsWith("PPid:"u8))
            {
                hasParentPid = TryParseInt32(line["PPid:"u8.Length..], out parentPid);
            }

            if (hasUid && hasTgid && hasParentPid)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Parses the pid in the process's own pid namespace: the last field of the <c>NSpid:</c> line, which lists the
    /// pid in each namespace from the reader's down to the process's own (Linux 4.1+).
    /// </summary>
    /// <returns>False when there is no well-formed <c>NSpid:</c> line.</returns>
    public static bool TryParseNamespacePid(ReadOnlySpan<byte> content, out int namespacePid)
    {
        namespacePid = 0;
        foreach (var line in new LineEnumerator(content))
        {
            if (!line.StartsWith("NSpid:"u8))
            {
                continue;
            }

            var values = line["NSpid:"u8.Length..].TrimEnd("\t "u8);
            var start = values.LastIndexOfAny((byte)'\t', (byte)' ') + 1;
            return start > 0
                && int.TryParse(values[start..], NumberStyles.None, CultureInfo.InvariantCulture, out namespacePid)
                && namespacePid > 0;
        }

        return false;
    }

    // "\treal\teffective\tsaved\tfs"; the kernel prints uids as u32, kept bit for bit in an int.
    private static bool TryParseUids(ReadOnlySpan<byte> values, out ProcessCredentials credentials)
    {
        credentials = default;
        values = values.TrimStart((byte)'\t');
        var separator = values.IndexOf((byte)'\t');
        if (separator < 0
            || !uint.TryParse(values[..separator], NumberStyles.None, CultureInfo.InvariantCulture, out var real))
        {
            return false;
        }

        values = values[(separator + 1)..];
        separator = values.IndexOf((byte)'\t');
        if (!uint.TryParse(separator < 0 ? values : values[..separator], NumberStyles.None, CultureInfo.InvariantCulture, out var effective))
        {
            return false;
        }

        credentials = new ProcessCredentials(real, effective);
        return true;
    }

    private static bool TryParseInt32(ReadOnlySpan<byte> value, out int result) =>
        int.TryParse(value.Trim("\t "u8), NumberStyles.None, CultureInfo.InvariantCulture, out result);
}
