using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using NSubstitute;
using Tracing.Core.Tests.Fakes;
using Tracing.Hosting.HealthChecks;
using Tracing.Hosting.Tests.Fakes;
using Tracing.Ports;
using Tracing.Tracer;

namespace Tracing.Hosting.Tests.HealthChecks;

/// <summary>A tracer over the fake kernel with its health check, both from the container, checked through a real <see cref="HealthCheckService"/>.</summary>
internal sealed class HealthCheckHarness : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    public HealthCheckHarness(Action<ExecTracingOptions>? tracing = null, Action<ExecTracingHealthCheckOptions>? check = null)
    {
        var services = new ServiceCollection().AddLogging().AddSingleton<TimeProvider>(Time);
        Source = SubstitutePorts.Add(services);
        services.AddSingleton(Engine);
        services.AddExecTracing(tracing ?? (_ => { }));
        services.AddHealthChecks().AddExecTracing(check ?? (_ => { }));
        _provider = services.BuildServiceProvider();
        Tracer = _provider.GetRequiredService<ExecTracer>();
    }

    public ManualTimeProvider Time { get; } = new();

    public IContainerEngine Engine { get; } = Substitute.For<IContainerEngine>();

    public FakeKernelEventSource Source { get; }

    public ExecTracer Tracer { get; }

    public async Task<HealthReportEntry> CheckAsync(string name = ExecTracingHealthCheckOptions.DefaultName)
    {
        var report = await _provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        return report.Entries[name];
    }

    public ValueTask DisposeAsync() => _provider.DisposeAsync();
}
