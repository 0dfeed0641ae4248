using System.Globalization;
using System.Text;

namespace Tracing.Linux.ProcFs;

/// <summary>Parses <c>/etc/passwd</c>: one <c>name:password:uid:gid:gecos:home:shell</c> line per user (passwd(5)).</summary>
internal static class PasswdParser
{
    /// <summary>Parses a line's name and uid; false for a malformed line, a comment, or a NIS <c>+</c>/<c>-</c> entry.</summary>
    /// <param name="line">One line, without its newline.</param>
    /// <param name="name">The user name.</param>
    /// <param name="uid">The user id.</param>
    public static bool TryParseLine(ReadOnlySpan<byte> line, out ReadOnlySpan<byte> name, out uint uid)
    {
        name = default;
        uid = 0;
        var end = line.IndexOf((byte)':');
        if (end <= 0 || line[0] is (byte)'#' or (byte)'+' or (byte)'-')
        {
            return false;
        }

        var rest = line[(end + 1)..];
        var passwordEnd = rest.IndexOf((byte)':');
        if (passwordEnd < 0)
        {
            return false;
        }

        rest = rest[(passwordEnd + 1)..];
        var uidEnd = rest.IndexOf((byte)':');
        if (uidEnd < 0 || !uint.TryParse(rest[..uidEnd], NumberStyles.None, CultureInfo.InvariantCulture, out uid))
        {
            uid = 0;
            return false;
        }

        name = line[..end];
        return true;
    }

    /// <summary>
    /// Every uid's name; when a uid has several lines the first wins, as with <c>getpwuid</c>. Malformed lines are
    /// skipped, and so is a last line without its newline when <paramref name="truncated"/> says the file went on.
    /// </summary>
    /// <param name="content">The file's bytes.</param>
    /// <param name="truncated">True when <paramref name="content"/> is only the start of a longer file.</param>
    public static Dictionary<uint, string> ParseNames(ReadOnlySpan<byte> content, bool truncated = false)
    {
        if (truncated)
        {
            content = content[..(content.LastIndexOf((byte)'\n') + 1)];
        }

        var names = new Dictionary<uint, string>();
        foreach (var line in new LineEnumerator(content))
        {
            if (TryParseLine(line, out var name, out var uid) && !names.ContainsKey(uid))
            {
                names.Add(uid, Encoding.UTF8.GetString(name));
            }
        }

        return names;
    }

    /// <summary>
    /// The uid of the user <paramref name="name"/>: the first line that names it, as with <c>getpwnam</c>; false when
    /// no well-formed line does. Malformed lines are skipped.
    /// </summary>
    /// <param name="content">The file's bytes.</param>
    /// <param name="name">The user name, as UTF-8 bytes; matched exactly.</param>
    /// <param name="uid">The user id.</param>
    public static bool TryFindUid(ReadOnlySpan<byte> content, ReadOnlySpan<byte> name, out uint uid)
    {
        foreach (var line in new LineEnumerator(content))
        {
            if (TryParseLine(line, out var lineName, out uid) && lineName.SequenceEqual(name))
            {
                return true;
            }
        }

        uid = 0;
        return false;
    }
}
