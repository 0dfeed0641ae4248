using System.Text;
using Tracing.Cli.Output;

namespace Tracing.Cli.Tests.Output;

public class TerminalTextTests
{
    [Theory]
    [InlineData("plain /path", "plain /path")]
    [InlineData("a\u001b[31mb\u0007\n\u009b", @"a\x1b[31mb\x07\x0a\x9b")]
    public void Every_control_character_is_written_as_hex(string text, string expected)
    {
        var appended = new StringBuilder("> ");
        TerminalText.AppendPrintable(appended, text);

        Assert.Equal(expected, TerminalText.Printable(text));
        Assert.Equal("> " + expected, appended.ToString());
    }
}
