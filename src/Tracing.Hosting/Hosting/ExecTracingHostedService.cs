using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Tracing.Tracer;

namespace Tracing.Hosting.Hosting;

/// <summary>
/// Starts the tracer with the host, so a missing privilege or a namespace that ignores the subscription fails the
/// host's start loudly instead of leaving an application that silently sees nothing; stops it with the host.
/// </summary>
/// <remarks>
/// The tracer is resolved at start, not when the host builds its hosted services: that happens before the host runs the
/// options' start validation, and making the tracer reads its options, so a wrong setting there would stop the start
/// alone, hiding the wrong settings of the other sections.
/// </remarks>
internal sealed class ExecTracingHostedService(IServiceProvider services) : IHostedService
{
    private ExecTracer? _tracer;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _tracer = services.GetRequiredService<ExecTracer>();
        return _tracer.StartAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => _tracer?.StopAsync(cancellationToken) ?? Task.CompletedTask;
}
