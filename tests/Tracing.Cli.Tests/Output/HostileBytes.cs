using System.Text;
using CsCheck;

namespace Tracing.Cli.Tests.Output;

/// <summary>Byte strings made to fool a terminal: escape sequences, C0/C1 controls, bidi overrides, zero-width and invalid UTF-8.</summary>
internal static class HostileBytes
{
    private static readonly byte[][] s_fragments =
    [
        .. new[]
        {
            "\u001B[31m", "\u001B]0;owned\u0007", "\u001BP+q\u001B\\", "\u001B[2J\u001B[H", "\u009B31m", "\u0085", "\u009F",
            "\u202E", "\u202D", "\u2066", "\u2069", "\u200B", "\u200D", "\u200E", "\uFEFF", "\u2028", "\u2029", "\u00AD", "\uE000",
            "\U000E0001", "\U000F0000", "\U0001F600", "é", "漢", "\r", "\n", "\t", "\b", "\u007F", "'", "\"", "\\", "$", "`", "!", " ", "*",
            "$(id)", "a", "--x=y",
        }.Select(Encoding.UTF8.GetBytes),
        [0xFF], [0xFE], [0xC3], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x80], [0x80], [0x9B], [0x1B],
    ];

    /// <summary>Any bytes but NUL (argv, comm and paths cannot hold one), often assembled from hostile fragments.</summary>
    public static Gen<byte[]> Word { get; } = Gen.Frequency(
            (3, Gen.Int[0, s_fragments.Length - 1].Select(i => s_fragments[i])),
            (1, Gen.Byte[1, 255].Array[1, 6]))
        .Array[0, 8]
        .Select(parts => parts.SelectMany(p => p).ToArray());

    /// <summary>True for what must never reach a terminal raw: C0, DEL, C1, format and separator characters, private use, lone surrogates.</summary>
    public static string? FindRawUnsafe(string text)
    {
        var remaining = text.AsSpan();
        while (!remaining.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(remaining, out var rune, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                return $"lone surrogate U+{(int)remaining[0]:X4}";
            }

            var unsafeRune = rune.Value is < 0x20 or 0x7F or (>= 0x80 and <= 0x9F)
                || Rune.GetUnicodeCategory(rune) is System.Globalization.UnicodeCategory.Control or System.Globalization.UnicodeCategory.Format
                    or System.Globalization.UnicodeCategory.LineSeparator or System.Globalization.UnicodeCategory.ParagraphSeparator
                    or System.Globalization.UnicodeCategory.PrivateUse or System.Globalization.UnicodeCategory.OtherNotAssigned;
            if (unsafeRune)
            {
                return $"raw U+{rune.Value:X4}";
            }

            remaining = remaining[consumed..];
        }

        return null;
    }
}
