using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;
using Tracing.HostedWorker;
using Tracing.Tracer;

// Usage: Tracing.HostedWorker listener|opentelemetry|none, with the tracer configured from the environment
// (ExecTracing__Scope, ExecTracing__Pid). Prints READY once the host has started, one line per exec (ExecPrinter), and on
// SIGTERM the gen-0 collections and GC pause so far ("GC n ms", for a failure's diagnosis) and the measurements its
// meter listener or exporter saw: "MEASUREMENTS tracing.events N".
var meters = args.Length > 0 ? args[0] : "none";
var builder = Host.CreateApplicationBuilder();
builder.Services.AddExecTracing();
builder.Services.AddHostedService<ExecPrinter>();

using var listener = meters == "listener" ? CountingListener.Start() : null;
var exported = new List<Metric>();
if (meters == "opentelemetry")
{
    builder.Services.AddOpenTelemetry().WithMetrics(m => m.AddMeter(ExecTracerMetrics.MeterName).AddInMemoryExporter(exported));
}

using var host = builder.Build();
host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStarted.Register(() => Console.Out.WriteLine("READY"));
host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.Register(() => Console.Out.WriteLine($"GC {GC.CollectionCount(0)} {GC.GetTotalPauseDuration().TotalMilliseconds}"));
await host.RunAsync();

long events = listener?.Events ?? 0;
if (meters == "opentelemetry")
{
    // The host disposed its MeterProvider as it stopped, which exported what was left.
    events = OpenTelemetryCount.Sum(exported, "tracing.events");
}

Console.Out.WriteLine($"MEASUREMENTS tracing.events {events}");
