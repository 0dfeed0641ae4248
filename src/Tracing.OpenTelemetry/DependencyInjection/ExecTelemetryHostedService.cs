using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Tracing.Tracer;

namespace Tracing.OpenTelemetry.DependencyInjection;

/// <summary>
/// Makes each tracer's telemetry in a host: follows the tracer from before it starts (<see cref="StartingAsync"/> runs
/// before any hosted service's start, the tracer's too) until its run has ended and its open spans are ended
/// (<see cref="StoppedAsync"/>, after every service has stopped).
/// </summary>
/// <param name="services">Where the tracers, the loggers and the asked-for signals are.</param>
internal sealed class ExecTelemetryHostedService(IServiceProvider services) : IHostedLifecycleService, IDisposable
{
    private readonly List<ExecTelemetry> _bridges = [];
    private ActivitySource? _source;

    public Task StartingAsync(CancellationToken cancellationToken)
    {
        foreach (var signals in services.GetServices<ExecTelemetrySignals>())
        {
            var tracer = signals.TracerName is null
                ? services.GetRequiredService<ExecTracer>()
                : services.GetRequiredKeyedService<ExecTracer>(signals.TracerName);
            var records = signals.Records ? services.GetRequiredService<ILoggerFactory>().CreateLogger(ExecTelemetry.RecordCategory) : null;
            _source ??= signals.Spans ? new ActivitySource(ExecTelemetry.SourceName) : null;
            var bridge = new ExecTelemetry(tracer, signals.Options(), records, signals.Spans ? _source : null);
            bridge.Start();
            _bridges.Add(bridge);
        }

        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Waits for each bridge to finish its run (the tracers have stopped by now); one whose tracer never ran, or still
    /// runs, is abandoned, and its open spans end now.
    /// </summary>
    public async Task StoppedAsync(CancellationToken cancellationToken)
    {
        foreach (var bridge in _bridges)
        {
            if (!bridge.Completion.IsCompleted && !bridge.TracerRunEnded)
            {
                bridge.Abandon();
            }

            await bridge.Completion.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public void Dispose()
    {
        foreach (var bridge in _bridges)
        {
            bridge.Abandon();
            bridge.Dispose();
        }

        _source?.Dispose();
    }
}
