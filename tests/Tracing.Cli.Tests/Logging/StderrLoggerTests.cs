using Microsoft.Extensions.Logging;
using Tracing.Cli.Logging;

namespace Tracing.Cli.Tests.Logging;

public class StderrLoggerTests
{
    [Fact]
    public void A_warning_is_one_line_with_level_category_and_event_id()
    {
        var stderr = new StringWriter();
        var logger = new StderrLoggerProvider(stderr).CreateLogger("Tracing.Linux.Netlink.ProcConnectorEventSource");

        logger.Log(LogLevel.Warning, new EventId(201), "The receive thread runs at normal priority.", null, (s, _) => s);

        Assert.Equal("warn: Tracing.Linux.Netlink.ProcConnectorEventSource[201] The receive thread runs at normal priority." + Environment.NewLine, stderr.ToString());
    }

    [Fact]
    public void Control_characters_in_the_message_and_the_exception_never_reach_stderr_raw()
    {
        var stderr = new StringWriter();
        var logger = new StderrLoggerProvider(stderr).CreateLogger("c");

        logger.Log(LogLevel.Error, new EventId(4), "callback \u001b]0;pwned\u0007", new InvalidOperationException("bad\u001b[31m"), (s, _) => s);

        var written = stderr.ToString();
        Assert.Single(written.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("fail: c[4] callback \\x1b]0;pwned\\x07 System.InvalidOperationException: bad\\x1b[31m", written, StringComparison.Ordinal);
        Assert.DoesNotContain(written.TrimEnd(), c => char.IsControl(c));
    }
}
