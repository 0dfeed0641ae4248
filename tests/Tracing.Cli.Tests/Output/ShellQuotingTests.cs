using System.Globalization;
using System.Text;
using Tracing.Cli.Output;
using Tracing.Text;

namespace Tracing.Cli.Tests.Output;

public class ShellQuotingTests
{
    [Theory]
    [InlineData("ls")]
    [InlineData("/usr/bin/git")]
    [InlineData("--name=value,x:y@host%+")]
    [InlineData("a_b-c.d")]
    public void Plain_words_are_not_quoted(string word)
    {
        Assert.Equal(word, ShellQuoting.Quote(word));
    }

    [Theory]
    [InlineData("fix bug", "'fix bug'")]
    [InlineData("a;b", "'a;b'")]
    [InlineData("$HOME", "'$HOME'")]
    [InlineData("*", "'*'")]
    [InlineData("héllo", "'héllo'")]
    public void Words_with_shell_characters_get_single_quotes(string word, string expected)
    {
        Assert.Equal(expected, ShellQuoting.Quote(word));
    }

    [Fact]
    public void Embedded_single_quote_is_closed_escaped_and_reopened()
    {
        Assert.Equal("'it'\\''s'", ShellQuoting.Quote("it's"));
    }

    [Fact]
    public void Empty_word_is_two_quotes()
    {
        Assert.Equal("''", ShellQuoting.Quote(""));
        var output = new StringBuilder();
        ShellQuoting.AppendQuoted(output, ReadOnlySpan<byte>.Empty);
        Assert.Equal("''", output.ToString());
    }

    [Theory]
    [InlineData("\u001B[31mred", "$'\\E[31mred'")]
    [InlineData("a\nb", "$'a\\nb'")]
    [InlineData("a\tb\r", "$'a\\tb\\r'")]
    [InlineData("bell\a", "$'bell\\x07'")]
    [InlineData("del\u007F", "$'del\\x7F'")]
    [InlineData("it's\n", "$'it\\'s\\n'")]
    [InlineData("back\\slash\n", "$'back\\\\slash\\n'")]
    [InlineData("safe\u202Eevil", "$'safe\\u202Eevil'")]
    [InlineData("zero\u200Bwidth", "$'zero\\u200Bwidth'")]
    [InlineData("c1\u0085", "$'c1\\u0085'")]
    public void Control_and_format_characters_use_ANSI_C_quoting(string word, string expected)
    {
        Assert.Equal(expected, ShellQuoting.Quote(word));
    }

    [Fact]
    public void Invalid_UTF8_bytes_become_hex_escapes()
    {
        var output = new StringBuilder();

        ShellQuoting.AppendQuoted(output, [(byte)'a', 0xFF, (byte)'b', 0xC3]);

        Assert.Equal("$'a\\xFFb\\xC3'", output.ToString());
    }

    [Fact]
    public void Output_never_contains_a_raw_control_or_format_character()
    {
        var words = new List<byte[]>();
        for (var b = 0; b < 256; b++)
        {
            words.Add([(byte)'x', (byte)b, (byte)'y']);
        }

        for (var c = 0x80; c < 0xA0; c++)
        {
            words.Add(Encoding.UTF8.GetBytes($"x{(char)c}y"));
        }

        foreach (var c in new[] { "\u200B", "\u200E", "\u202A", "\u202E", "\u2066", "\u2028", "\u2029", "\uFEFF", "\uE000" })
        {
            words.Add(Encoding.UTF8.GetBytes("x" + c + "y"));
        }

        foreach (var word in words)
        {
            var output = new StringBuilder();
            ShellQuoting.AppendQuoted(output, word);
            foreach (var c in output.ToString())
            {
                Assert.False(c < 0x20 || c == 0x7F, $"raw 0x{(int)c:X2} in {output} for {Convert.ToHexString(word)}");
                var category = char.GetUnicodeCategory(c);
                Assert.False(
                    category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.PrivateUse,
                    $"raw U+{(int)c:X4} in {output} for {Convert.ToHexString(word)}");
            }
        }
    }

    [Fact]
    public void Bash_reads_the_quoted_words_back_as_the_original_bytes()
    {
        byte[][] words =
        [
            "plain"u8.ToArray(),
            "fix bug"u8.ToArray(),
            "it's"u8.ToArray(),
            "it's\n"u8.ToArray(),
            "\u001B[31mred"u8.ToArray(),
            "tab\there\\and\\\\slashes"u8.ToArray(),
            "safe\u202Eevil"u8.ToArray(),
            "héllo wörld"u8.ToArray(),
            "$HOME `id` \"q\""u8.ToArray(),
            [(byte)'a', 0xFF, (byte)'b', 0xC3, 0x01, 0x7F],
        ];

        foreach (var word in words)
        {
            var quoted = new StringBuilder();
            ShellQuoting.AppendQuoted(quoted, word);

            Assert.Equal(Convert.ToHexString(word), Convert.ToHexString(BashPrintf.Run("%s", quoted.ToString())));
        }
    }
}
