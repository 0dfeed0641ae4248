using System.Globalization;
using System.Text;

namespace Tracing.Text;

/// <summary>
/// Quotes words so that a shell user can read them and paste them back, and so that no byte of them reaches a
/// terminal raw: control characters, escape sequences, invisible format characters and invalid UTF-8 are escaped
/// with bash's <c>$'...'</c> form.
/// </summary>
internal static class ShellQuoting
{
    /// <summary>Appends one word given as raw bytes (not necessarily UTF-8).</summary>
    public static void AppendQuoted(StringBuilder output, ReadOnlySpan<byte> word)
    {
        if (word.IsEmpty)
        {
            output.Append("''");
            return;
        }

        if (IsPlain(word))
        {
            foreach (var b in word)
            {
                output.Append((char)b);
            }

            return;
        }

        if (NeedsEscapes(word))
        {
            AppendAnsiC(output, word);
            return;
        }

        output.Append('\'');
        output.Append(Encoding.UTF8.GetString(word).Replace("'", "'\\''", StringComparison.Ordinal));
        output.Append('\'');
    }

    /// <summary>Appends one word given as a string.</summary>
    public static void AppendQuoted(StringBuilder output, string word) => AppendQuoted(output, Encoding.UTF8.GetBytes(word));

    /// <summary>Quotes one word.</summary>
    public static string Quote(string word)
    {
        var builder = new StringBuilder();
        AppendQuoted(builder, word);
        return builder.ToString();
    }

    private static bool IsPlain(ReadOnlySpan<byte> word)
    {
        foreach (var b in word)
        {
            var plain = b is (>= (byte)'a' and <= (byte)'z') or (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'0' and <= (byte)'9')
                || b is (byte)'_' or (byte)'-' or (byte)'.' or (byte)'/' or (byte)'@' or (byte)'%' or (byte)'+' or (byte)'=' or (byte)':' or (byte)',';
            if (!plain)
            {
                return false;
            }
        }

        return true;
    }

    private static bool NeedsEscapes(ReadOnlySpan<byte> word)
    {
        var remaining = word;
        while (!remaining.IsEmpty)
        {
            if (Rune.DecodeFromUtf8(remaining, out var rune, out var consumed) != System.Buffers.OperationStatus.Done || IsUnsafe(rune))
            {
                return true;
            }

            remaining = remaining[consumed..];
        }

        return false;
    }

    // Control characters (C0, DEL, C1) drive terminals; format characters (bidi overrides, zero-width) hide text.
    private static bool IsUnsafe(Rune rune) => Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control
        or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
        or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned;

    private static void AppendAnsiC(StringBuilder output, ReadOnlySpan<byte> word)
    {
        output.Append("$'");
        var remaining = word;
        while (!remaining.IsEmpty)
        {
            if (Rune.DecodeFromUtf8(remaining, out var rune, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                output.Append(CultureInfo.InvariantCulture, $"\\x{remaining[0]:X2}");
                remaining = remaining[1..];
                continue;
            }

            remaining = remaining[consumed..];
            switch (rune.Value)
            {
                case '\n': output.Append("\\n"); break;
                case '\t': output.Append("\\t"); break;
                case '\r': output.Append("\\r"); break;
                case 0x1B: output.Append("\\E"); break;
                case '\\': output.Append("\\\\"); break;
                case '\'': output.Append("\\'"); break;
                default:
                    if (rune.Value < 0x80 && IsUnsafe(rune))
                    {
                        output.Append(CultureInfo.InvariantCulture, $"\\x{rune.Value:X2}");
                    }
                    else if (IsUnsafe(rune))
                    {
                        output.Append(rune.Value > 0xFFFF
                            ? string.Create(CultureInfo.InvariantCulture, $"\\U{rune.Value:X8}")
                            : string.Create(CultureInfo.InvariantCulture, $"\\u{rune.Value:X4}"));
                    }
                    else
                    {
                        output.Append(rune.ToString());
                    }

                    break;
            }
        }

        output.Append('\'');
    }
}
