using Tracing.Cli.Running;

namespace Tracing.Cli.Tests.Running;

public class EventOutputTests
{
    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void An_empty_file_name_is_refused_with_one_line(string path)
    {
        var diagnostics = new StringWriter();

        var output = EventOutput.Open(path, diagnostics, out _);

        Assert.Null(output);
        Assert.Equal("exectrace: -o needs a file name." + Environment.NewLine, diagnostics.ToString());
    }

    [Fact]
    public void A_file_is_a_regular_file_and_batched()
    {
        var path = Path.Combine(Path.GetTempPath(), $"exectrace-{Guid.NewGuid():N}.out");
        try
        {
            using var output = EventOutput.Open(path, TextWriter.Null, out var isRegularFile);

            Assert.NotNull(output);
            Assert.True(isRegularFile);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_file_that_cannot_be_created_is_named()
    {
        var diagnostics = new StringWriter();
        var path = Path.Combine(Path.GetTempPath(), $"no-such-dir-{Guid.NewGuid():N}", "out");

        Assert.Null(EventOutput.Open(path, diagnostics, out _));
        Assert.StartsWith($"exectrace: cannot write {path}: ", diagnostics.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_name_with_terminal_escapes_is_said_escaped()
    {
        var diagnostics = new StringWriter();
        var folder = Path.Combine(Path.GetTempPath(), $"no-such-dir-{Guid.NewGuid():N}");
        var path = Path.Combine(folder, "\u001b]0;pwn\u0007\u001b[31mout\n");

        Assert.Null(EventOutput.Open(path, diagnostics, out _));
        var said = diagnostics.ToString().TrimEnd('\n');
        Assert.StartsWith($"exectrace: cannot write {folder}/\\x1b]0;pwn\\x07\\x1b[31mout\\x0a: ", said, StringComparison.Ordinal);
        Assert.DoesNotContain(said, char.IsControl);
    }
}
