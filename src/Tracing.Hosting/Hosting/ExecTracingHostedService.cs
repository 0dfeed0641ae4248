using Microsoft.Extensions.Hosting;
using Tracing.Tracer;

namespace Tracing.Hosting.Hosting;

/// <summary>
/// Starts the tracer with the host, so a missing privilege or a namespace that ignores the subscription fails the
/// host's start loudly instead of leaving an application that silently sees nothing; stops it with the host.
/// </summary>
internal sealed class ExecTracingHostedService(ExecTracer tracer) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => tracer.StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => tracer.StopAsync(cancellationToken);
}
