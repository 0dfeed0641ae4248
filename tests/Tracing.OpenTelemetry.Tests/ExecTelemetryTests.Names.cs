using Microsoft.Extensions.Logging;
using Tracing.Events;
using Tracing.OpenTelemetry.Records;
using Tracing.OpenTelemetry.Tests.Fakes;
using Tracing.Ports;

namespace Tracing.OpenTelemetry.Tests;

/// <summary>What an exit record names, a loss the tracer reported, and a failed exec.</summary>
public sealed partial class ExecTelemetryTests
{
    [Fact]
    public async Task An_exit_is_named_as_its_exec_named_the_program_not_by_the_kernels_cut_command_name()
    {
        // The kernel's command name is the link's (or cut to 15 bytes); the exec's executable is the file it ran.
        _build.Processes.Add(300, 1, "compile-helper-", "compile-helper-tool").ExecutablePath = "/opt/bin/compile-helper-tool";
        await using var tracer = CreateTracer();
        using var telemetry = CreateTelemetry(tracer, TimeProvider.System);
        telemetry.Start();

        await tracer.StartAsync();
        _build.Kernel.Fork(1, 300, 5_000_000_000);
        _build.Kernel.Exec(300, 5_000_100_000);
        _build.Kernel.Exit(300, status: 0, timestampNs: 5_100_000_000, parentPid: 1);
        await tracer.StopAsync();
        await telemetry.Completion.WaitAsync(s_timeout);

        var exit = Assert.Single(_records, r => r.EventId.Name == "process.exit");
        Assert.Equal("compile-helper-tool", Tags.ToDictionary(exit.Attributes!)[ProcessAttributes.ExecutableName]);
        Assert.Equal("compile-helper-tool exited with 0", exit.Body);
        var span = Assert.Single(_spans);
        Assert.Equal("compile-helper-tool", span.DisplayName);
    }

    [Fact]
    public async Task Events_the_kernel_dropped_are_a_warning_record_with_the_count_and_reason()
    {
        await using var tracer = CreateTracer();
        using var telemetry = CreateTelemetry(tracer, TimeProvider.System);
        telemetry.Start();

        await tracer.StartAsync();
        _build.Kernel.LoseEvents(37, exact: false);
        await tracer.StopAsync();
        await telemetry.Completion.WaitAsync(s_timeout);

        var lost = Assert.Single(_records, r => r.EventId.Name == "tracing.events.lost");
        Assert.Equal(LogLevel.Warning, lost.LogLevel);
        var tags = Tags.ToDictionary(lost.Attributes!);
        Assert.Equal("kernel_buffer_overflow", tags[LossRecords.Reason]);
        Assert.Equal(37L, tags[LossRecords.Count]);
        Assert.Equal(false, tags[LossRecords.Exact]);
        Assert.Contains("at least 37", lost.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_exec_is_a_warning_record_with_the_path_and_error_and_no_span()
    {
        _build.Kernel.Supports = KernelEventInterest.All | KernelEventInterest.FailedExec;
        await using var tracer = _build.CreateTracer(failedExecs: true);
        using var telemetry = CreateTelemetry(tracer, TimeProvider.System);
        telemetry.Start();

        await tracer.StartAsync();
        _build.Kernel.ExecFailed(
            400,
            new ExecCapture { Path = "/usr/bin/gti"u8.ToArray(), Errno = 2, ErrorName = "ENOENT", Arguments = ProcessArguments.FromStrings(["gti", "status"]) },
            parentPid: 1,
            timestampNs: 6_000_000_000);
        await tracer.StopAsync();
        await telemetry.Completion.WaitAsync(s_timeout);

        var failed = Assert.Single(_records, r => r.EventId.Name == "process.exec_failed");
        Assert.Equal(LogLevel.Warning, failed.LogLevel);
        var tags = Tags.ToDictionary(failed.Attributes!);
        Assert.Equal("/usr/bin/gti", tags[ProcessAttributes.ExecutablePath]);
        Assert.Equal("ENOENT", tags[ProcessAttributes.ErrorType]);
        Assert.Equal(400, tags[ProcessAttributes.Pid]);
        Assert.False(tags.ContainsKey(ProcessAttributes.CommandArgs));
        Assert.Equal("exec of /usr/bin/gti failed: ENOENT", failed.Body);
        Assert.Empty(_spans);
    }
}
