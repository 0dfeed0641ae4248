using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using OpenTelemetry.Logs;
using OpenTelemetry.Trace;
using Tracing.OpenTelemetry.Tests.Fakes;
using Tracing.Tracer;

namespace Tracing.OpenTelemetry.Tests.DependencyInjection;

/// <summary>
/// AddExecTracingInstrumentation() on an application's own builders, in a generic host: the tracer is followed from
/// before it starts to after it stops, and its records go to OpenTelemetry's logger only.
/// </summary>
[Collection(OtlpExporters.Name)]
public sealed class HostedInstrumentationTests
{
    [Fact]
    public async Task In_a_host_every_exec_is_a_record_and_every_program_a_span_and_no_other_logger_gets_the_records()
    {
        await using var build = new TracedBuild();
        var tracer = build.CreateTracer();
        var records = new List<LogRecord>();
        var spans = new List<Activity>();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddSingleton(tracer);
        builder.Services.AddHostedService(_ => new TracerRun(tracer));
        builder.Logging.AddFakeLogging();
        builder.Services.AddOpenTelemetry()
            .WithLogging(logs => logs.AddExecTracingInstrumentation().AddInMemoryExporter(records))
            .WithTracing(tracing => tracing.AddExecTracingInstrumentation(o => o.IncludeCommandArgs = true).AddInMemoryExporter(spans));

        using var host = builder.Build();
        await host.StartAsync();
        build.Run();
        await host.StopAsync();

        Assert.Equal(TracedBuild.Records, records.Count(r => r.CategoryName == ExecTelemetry.RecordCategory));
        var processSpans = spans.Where(s => s.Source.Name == ExecTelemetry.SourceName).ToList();
        Assert.Equal(TracedBuild.Spans, processSpans.Count);
        Assert.All(processSpans, s => Assert.Equal(processSpans[0].TraceId, s.TraceId));

        // The options given to one builder's call are the tracer's: argv in the spans and in the records alike.
        Assert.All(processSpans, s => Assert.NotNull(s.GetTagItem(ProcessAttributes.CommandArgs)));
        Assert.All(records.Where(r => r.CategoryName == ExecTelemetry.RecordCategory && r.EventId.Name == "process.exec"),
            r => Assert.Contains(r.Attributes!, a => a.Key == ProcessAttributes.CommandArgs));

        // Every record is in its program's span, and the program still running at stop was ended then.
        Assert.All(records.Where(r => r.CategoryName == ExecTelemetry.RecordCategory), r => Assert.Contains(processSpans, s => s.SpanId == r.SpanId));
        Assert.Contains(processSpans, s => (string?)s.GetTagItem(ProcessAttributes.SpanEnd) == "tracing_stopped");

        // The application's other loggers (the console, here a fake) get none of them.
        var collector = host.Services.GetFakeLogCollector();
        Assert.DoesNotContain(collector.GetSnapshot(), r => r.Category == ExecTelemetry.RecordCategory);
    }

    /// <summary>What the hosting package's service does: the tracer runs with the host.</summary>
    private sealed class TracerRun(ExecTracer tracer) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => tracer.StartAsync(cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken) => tracer.StopAsync(cancellationToken);
    }
}
