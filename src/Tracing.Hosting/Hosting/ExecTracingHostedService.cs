using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Tracing.Filtering;
using Tracing.Hosting.Configuration;
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

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _tracer = services.GetRequiredService<ExecTracer>();
        try
        {
            await _tracer.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (ArgumentException e) when (IsConfiguredRoot())
        {
            // The options were validated, so what is left to refuse is the root process, which exists or not only now
            // (the tracer's message: "Process 999999 does not exist."). Named by the key that set it, as a wrong value is.
            throw new OptionsValidationException(
                Options.DefaultName, typeof(ExecTracingSettings), [$"{ExecTracingSettings.SectionName}:{nameof(ExecTracingSettings.Pid)}: {e.Message}"]);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => _tracer?.StopAsync(cancellationToken) ?? Task.CompletedTask;

    // True when the tracer's root process is the one ExecTracing:Pid set (code may have set another filter, which wins).
    private bool IsConfiguredRoot()
    {
        var settings = services.GetRequiredService<IOptions<ExecTracingSettings>>().Value;
        var filter = services.GetRequiredService<IOptions<ExecTracingOptions>>().Value.Filter;
        return settings.Scope == ExecTracingScope.ProcessTree && settings.Pid is int pid && Equals(filter, ExecTraceFilter.ProcessTree(pid));
    }
}
