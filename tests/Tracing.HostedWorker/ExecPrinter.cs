using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Tracing.Events;
using Tracing.Tracer;

namespace Tracing.HostedWorker;

/// <summary>
/// Prints every exec: "EXEC pid argv_source argv..." with each argument in base64 (byte-exact, one word each). The reader
/// is made in the constructor, before the host starts the tracer: a BackgroundService runs its loop on the thread pool
/// (.NET 10), maybe after the first events.
/// </summary>
internal sealed class ExecPrinter(ExecTracer tracer) : BackgroundService
{
    private readonly ChannelReader<TraceEvent> _events = tracer.CreateReader();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var item in _events.ReadAllAsync(stoppingToken))
            {
                if (item is ExecEvent exec)
                {
                    var argv = Enumerable.Range(0, exec.Arguments.Count).Select(i => Convert.ToBase64String(exec.Arguments.GetRaw(i)));
                    Console.Out.WriteLine($"EXEC {exec.Pid} {exec.ArgvSource} {string.Join(' ', argv)}");
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
