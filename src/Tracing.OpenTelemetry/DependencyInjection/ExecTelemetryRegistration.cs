using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tracing.Tracer;

namespace Tracing.OpenTelemetry.DependencyInjection;

/// <summary>What <c>AddExecTracingInstrumentation()</c> adds to the services, for either signal.</summary>
internal static class ExecTelemetryRegistration
{
    /// <summary>The provider alias of OpenTelemetry's logger provider.</summary>
    private const string OpenTelemetryLoggerAlias = "OpenTelemetry";

    public static void Add(IServiceCollection services, bool records, bool spans, Action<ExecTelemetryOptions>? configure)
    {
        // The tracer name is known only once configured: each call's options are applied to learn it.
        var probe = new ExecTelemetryOptions();
        configure?.Invoke(probe);
        var signals = Signals(services, probe.TracerName);
        signals.Records |= records;
        signals.Spans |= spans;
        if (configure is not null)
        {
            signals.Configure.Add(configure);
        }

        // Spans end at exits, and telemetry carries what an exec has: the tracer reads them.
        services.PostConfigure<ExecTracingOptions>(probe.TracerName ?? Options.DefaultName, o =>
        {
            o.IncludeExits = true;
            o.Details |= ExecDetails.All | ExecDetails.Cgroup;
        });
        if (records)
        {
            // Exec records go to OpenTelemetry only, not to the console or any other provider; a filter of the
            // application's own for the category overrides this.
            services.Configure<LoggerFilterOptions>(o =>
            {
                o.Rules.Insert(0, new LoggerFilterRule(null, ExecTelemetry.RecordCategory, LogLevel.None, null));
                o.Rules.Insert(1, new LoggerFilterRule(OpenTelemetryLoggerAlias, ExecTelemetry.RecordCategory, LogLevel.Information, null));
            });
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, ExecTelemetryHostedService>());
    }

    private static ExecTelemetrySignals Signals(IServiceCollection services, string? tracerName)
    {
        foreach (var descriptor in services)
        {
            if (descriptor.ServiceType == typeof(ExecTelemetrySignals)
                && descriptor.ImplementationInstance is ExecTelemetrySignals known
                && known.TracerName == tracerName)
            {
                return known;
            }
        }

        var signals = new ExecTelemetrySignals(tracerName);
        services.AddSingleton(signals);
        return signals;
    }
}
