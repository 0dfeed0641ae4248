using System.Globalization;
using System.Text;

namespace Tracing.Cli.Output;

/// <summary>
/// Free text said on stderr (a message that may quote a path, an engine's answer, a traced program's words) with
/// every control character written as <c>\xNN</c>, so none reaches the terminal raw. Words of a trace line are
/// quoted by <see cref="Text.ShellQuoting"/> instead.
/// </summary>
internal static class TerminalText
{
    /// <summary><paramref name="text"/> with every control character written as <c>\xNN</c>: safe to say on a terminal.</summary>
    public static string Printable(string text)
    {
        if (!text.Any(char.IsControl))
        {
            return text;
        }

        var line = new StringBuilder(text.Length + 8);
        AppendPrintable(line, text);
        return line.ToString();
    }

    /// <summary>Appends <paramref name="text"/> with every control character written as <c>\xNN</c>.</summary>
    public static void AppendPrintable(StringBuilder line, string text)
    {
        foreach (var c in text)
        {
            if (char.IsControl(c))
            {
                line.Append(CultureInfo.InvariantCulture, $"\\x{(int)c:x2}");
            }
            else
            {
                line.Append(c);
            }
        }
    }
}
