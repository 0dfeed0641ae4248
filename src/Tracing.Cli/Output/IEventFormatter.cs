using System.Text;
using Tracing.Events;

namespace Tracing.Cli.Output;

/// <summary>Turns an event into one output line.</summary>
internal interface IEventFormatter
{
    /// <summary>Appends the line for <paramref name="item"/>, without the newline; returns false to print nothing.</summary>
    bool TryFormat(TraceEvent item, StringBuilder line);
}
