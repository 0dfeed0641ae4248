using Microsoft.Extensions.DependencyInjection;
using Tracing.Events;
using Tracing.Filtering;
using Tracing.Ports;
using Tracing.Tracer;

namespace Tracing.Kernel.Tests.Bpf.Source;

/// <summary>
/// One run of native/execs.c under a real tracer (the eBPF source, failed execs included): the program is the traced
/// command, so its exit is the sentinel; the tracer stops after it, and stopping delivers everything read before.
/// </summary>
internal sealed class ExecsRun
{
    private ExecsRun(IReadOnlyList<TraceEvent> events, ExecsRecord record, int exitCode)
    {
        Events = events;
        Record = record;
        ExitCode = exitCode;
    }

    public IReadOnlyList<TraceEvent> Events { get; }

    public ExecsRecord Record { get; }

    public int ExitCode { get; }

    public IEnumerable<ExecFailedEvent> Failed => Events.OfType<ExecFailedEvent>();

    public IEnumerable<ExecEvent> Execs => Events.OfType<ExecEvent>();

    public static async Task<ExecsRun> StartAsync(string mode, string marker, int n = 0, Action<IServiceCollection>? services = null)
    {
        var folder = Directory.CreateTempSubdirectory("tracing-execs-run-").FullName;
        try
        {
            var recordPath = Path.Combine(folder, "record");
            var dir = Directory.CreateDirectory(Path.Combine(folder, "d")).FullName;
            var command = new CommandSpec(ExecsProgram.Path, [mode, recordPath, dir, marker, n.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await using var tracer = new KernelTracer(
                ExecTraceFilter.RunCommand(command), includeExits: false, services: s =>
                {
                    services?.Invoke(s);
                    s.Configure<ExecTracingOptions>(o =>
                    {
                        o.Source = ExecTracingSource.Bpf;
                        o.IncludeFailedExecs = true;
                    });
                });
            await tracer.Tracer.StartAsync();
            var exitCode = await tracer.Tracer.WaitForCommandAsync();
            await tracer.Tracer.StopAsync();
            return new ExecsRun(tracer.Events, ExecsRecord.Read(recordPath), exitCode);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
