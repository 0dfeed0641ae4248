using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Tracing.Hosting.Tests.Fakes;
using Tracing.Ports;
using Tracing.Tracer;

namespace Tracing.Hosting.Tests.Hosting;

public class ExecTracingHostedServiceTests
{
    [Fact]
    public async Task The_tracer_starts_and_stops_with_the_host()
    {
        var builder = Host.CreateApplicationBuilder();
        var source = SubstitutePorts.Add(builder.Services);
        builder.Services.AddExecTracing();
        using var host = builder.Build();
        var tracer = host.Services.GetRequiredService<ExecTracer>();

        await host.StartAsync();
        Assert.Equal(TracerState.Running, tracer.State);
        Assert.Equal(1, source.StartCount);

        await host.StopAsync();
        Assert.Equal(TracerState.Stopped, tracer.State);
    }

    [Fact]
    public async Task A_kernel_that_refuses_fails_the_host_start_loudly()
    {
        var builder = Host.CreateApplicationBuilder();
        SubstitutePorts.Add(builder.Services);
        builder.Services.AddSingleton<IKernelEventSource>(new RefusingEventSource());
        builder.Services.AddExecTracing();
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<TracingUnavailableException>(() => host.StartAsync());

        Assert.Contains("did not answer", error.Message, StringComparison.Ordinal);
    }
}
