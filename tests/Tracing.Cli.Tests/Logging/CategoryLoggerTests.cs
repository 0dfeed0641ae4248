using Microsoft.Extensions.Logging;
using NSubstitute;
using Tracing.Cli.Logging;

namespace Tracing.Cli.Tests.Logging;

public class CategoryLoggerTests
{
    [Fact]
    public void The_category_is_the_name_Microsoft_Extensions_Logging_gives_the_type()
    {
        var names = new List<string>();
        var provider = Substitute.For<ILoggerProvider>();
        provider.CreateLogger(Arg.Do<string>(names.Add)).Returns(Substitute.For<ILogger>());
        using (var factory = new LoggerFactory([provider]))
        {
            _ = factory.CreateLogger<Nested>();
        }

        var stderr = new StringWriter();
        var logger = new CategoryLogger<Nested>(new StderrLoggerProvider(stderr));

        logger.Log(LogLevel.Warning, new EventId(7), "m", null, (s, _) => s);

        Assert.Equal($"warn: {Assert.Single(names)}[7] m{Environment.NewLine}", stderr.ToString());
    }

    [Theory]
    [InlineData(LogLevel.Information, false)]
    [InlineData(LogLevel.Warning, true)]
    [InlineData(LogLevel.Error, true)]
    public void Levels_below_the_providers_minimum_are_not_written(LogLevel level, bool written)
    {
        var stderr = new StringWriter();
        var logger = new CategoryLogger<Nested>(new StderrLoggerProvider(stderr, LogLevel.Warning));

        logger.Log(level, new EventId(1), "m", null, (s, _) => s);

        Assert.Equal(written, logger.IsEnabled(level));
        Assert.Equal(written, stderr.ToString().Length > 0);
    }

    private sealed class Nested;
}
