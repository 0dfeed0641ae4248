using System.Buffers;
using Tracing.Events;

namespace Tracing.Cli.Output;

/// <summary>
/// A formatter that writes the line's UTF-8 bytes itself, so the line is never a string on its way out: no decode of
/// what was written, no encode of it again (for <c>--json</c>, two passes over every line).
/// </summary>
internal interface IUtf8EventFormatter : IEventFormatter
{
    /// <summary>Writes the line for <paramref name="item"/> as UTF-8, without the newline; returns false to print nothing.</summary>
    bool TryFormat(TraceEvent item, IBufferWriter<byte> line);
}
