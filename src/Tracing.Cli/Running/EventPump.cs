using System.Text;
using System.Threading.Channels;
using Tracing.Cli.Output;
using Tracing.Events;

namespace Tracing.Cli.Running;

/// <summary>Writes events as lines, flushing whenever the queue runs dry so output is prompt but batched under load.</summary>
internal sealed class EventPump(ChannelReader<TraceEvent> events, IEventFormatter formatter, TextWriter output, TextWriter diagnostics)
{
    public long Written { get; private set; }

    public async Task RunAsync()
    {
        var line = new StringBuilder(256);
        while (await events.WaitToReadAsync().ConfigureAwait(false))
        {
            while (events.TryRead(out var item))
            {
                if (item is EventsLostEvent lost)
                {
                    await diagnostics.WriteLineAsync(
                        $"exectrace: the kernel dropped {lost.Count} event(s) (receive buffer overflow); the process tree was resynchronised.").ConfigureAwait(false);
                }

                line.Clear();
                if (formatter.TryFormat(item, line))
                {
                    line.Append('\n');
                    await output.WriteAsync(line).ConfigureAwait(false);
                    Written++;
                }
            }

            await output.FlushAsync().ConfigureAwait(false);
        }
    }
}
