using System.Text;
using Microsoft.Extensions.Logging;
using Tracing.Cli.Output;

namespace Tracing.Cli.Logging;

/// <summary>
/// One category's lines for <see cref="StderrLoggerProvider"/>. A message may quote what a traced program or an
/// engine said, so every control character is written as <c>\xNN</c>: none reaches the terminal raw.
/// </summary>
/// <param name="category">The category each line names.</param>
/// <param name="stderr">Where the lines go.</param>
/// <param name="minimum">The least level written.</param>
internal sealed class StderrLogger(string category, TextWriter stderr, LogLevel minimum = LogLevel.Trace) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None && logLevel >= minimum;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel))
        {
            return;
        }

        var line = new StringBuilder().Append(Abbreviation(logLevel)).Append(": ").Append(category).Append('[').Append(eventId.Id).Append("] ");
        TerminalText.AppendPrintable(line, formatter(state, exception));
        if (exception is not null)
        {
            line.Append(' ');
            TerminalText.AppendPrintable(line, exception.ToString().ReplaceLineEndings(" "));
        }

        // TextWriter.Synchronized (Console.Error) keeps the lines of two threads whole.
        stderr.WriteLine(line.ToString());
    }

    private static string Abbreviation(LogLevel level) => level switch
    {
        LogLevel.Trace => "trce",
        LogLevel.Debug => "dbug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "fail",
        _ => "crit",
    };
}
