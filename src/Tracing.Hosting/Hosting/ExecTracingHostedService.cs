using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Tracing.Hosting.Configuration;
using Tracing.Tracer;

namespace Tracing.Hosting.Hosting;

/// <summary>
/// Starts one tracer with the host, so a missing privilege or a namespace that ignores the subscription fails the
/// host's start loudly instead of leaving an application that silently sees nothing; stops it with the host.
/// </summary>
/// <remarks>
/// The tracer is resolved at start, not when the host builds its hosted services: that happens before the host runs the
/// options' start validation, and making the tracer reads its options, so a wrong setting there would stop the start
/// alone, hiding the wrong settings of the other sections.
/// </remarks>
internal sealed class ExecTracingHostedService(IServiceProvider services, ExecTracerRegistration registration) : IHostedService
{
    private ExecTracer? _tracer;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _tracer = registration.TracerIn(services);
        try
        {
            await _tracer.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (ArgumentException e) when (ScopeSetting() is { } setting)
        {
            // The options were validated, so what is left to refuse is what exists or not only now: the root process
            // ("Process 999999 does not exist."), the cgroup. Named by the key that set it, as a wrong value is.
            throw new OptionsValidationException(registration.Name, typeof(ExecTracingOptions), [$"{registration.KeyPrefix}{setting}: {e.Message}"]);
        }
        catch (Exception e) when (registration.IsKeyed && e is not (OptionsValidationException or OperationCanceledException or OutOfMemoryException))
        {
            // One of several tracers: the host's failure says which (a root set in code, a container not found, a refusal).
            throw new InvalidOperationException($"The exec tracer '{registration.Name}' could not start: {e.Message}", e);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => _tracer?.StopAsync(cancellationToken) ?? Task.CompletedTask;

    // The setting that chose what the tracer looked for, when the scope did (code may have set a filter, which wins).
    private string? ScopeSetting()
    {
        var options = registration.OptionsIn(services);
        return options.Filter is not null ? null
            : options.Scope switch
            {
                ExecTracingScope.ProcessTree => nameof(options.Pid),
                ExecTracingScope.Cgroup => nameof(options.Cgroup),
                _ => null,
            };
    }
}
