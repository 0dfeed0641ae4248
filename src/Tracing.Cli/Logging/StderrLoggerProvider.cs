using Microsoft.Extensions.Logging;

namespace Tracing.Cli.Logging;

/// <summary>
/// The library's warnings, one line each on stderr (<c>warn: Category[id] message</c>), written as they are logged.
/// It replaces Microsoft.Extensions.Logging.Console, whose provider, three formatters and their options cost the
/// Native AOT tool 2 MB of start-up allocation (reflection over their constructors and options) and a thread, for the
/// few warnings a run may have.
/// </summary>
/// <param name="stderr">Where the lines go.</param>
/// <param name="minimum">The least level written.</param>
internal sealed class StderrLoggerProvider(TextWriter stderr, LogLevel minimum = LogLevel.Trace) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new StderrLogger(categoryName, stderr, minimum);

    public void Dispose()
    {
    }
}
