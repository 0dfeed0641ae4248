using NSubstitute;
using Tracing.Events;
using Tracing.Ports;
using Tracing.Tracer;

namespace Tracing.Core.Tests.Tracer;

/// <summary>The environment: read right after argv when asked, byte-exact; never read when not.</summary>
public sealed partial class ExecTracerTests
{
    [Fact]
    public async Task An_asked_environment_is_the_readers_bytes_exactly()
    {
        byte[] environ = [.. "PATH=/bin\0"u8, .. "TITLE=\u001b]0;x\u0007\0"u8, .. "RAW="u8, 0xff, 0];
        _processes.Add(200, 150, "a", "a").Environment = environ;

        var events = await TraceAsync(() => _source.Exec(200), o => o.Details = ExecDetails.All | ExecDetails.Environment);

        var exec = Assert.IsType<ExecEvent>(Assert.Single(events));
        Assert.Equal(environ, exec.Environment?.RawBytes.ToArray());
        Assert.Equal(3, exec.Environment!.Count);
        Assert.False(exec.EnvironmentUnavailable);
    }

    [Fact]
    public async Task An_empty_environment_is_read_not_unavailable()
    {
        _processes.Add(200, 150, "a", "a").Environment = [];

        var events = await TraceAsync(() => _source.Exec(200), o => o.Details = ExecDetails.Environment);

        var exec = Assert.IsType<ExecEvent>(Assert.Single(events));
        Assert.Equal(0, exec.Environment?.Count);
        Assert.False(exec.EnvironmentUnavailable);
    }

    [Fact]
    public async Task An_environment_that_cannot_be_read_is_said_unavailable()
    {
        _processes.Add(200, 150, "a", "a");

        var events = await TraceAsync(() => _source.Exec(200), o => o.Details = ExecDetails.Environment);

        var exec = Assert.IsType<ExecEvent>(Assert.Single(events));
        Assert.Null(exec.Environment);
        Assert.True(exec.EnvironmentUnavailable);
    }

    [Fact]
    public async Task All_does_not_read_the_environment()
    {
        _processes.Add(200, 150, "a", "a").Environment = "SECRET=1\0"u8.ToArray();

        var events = await TraceAsync(() => _source.Exec(200), o => o.Details = ExecDetails.All);

        var exec = Assert.IsType<ExecEvent>(Assert.Single(events));
        Assert.Null(exec.Environment);
        Assert.False(exec.EnvironmentUnavailable);
        _processes.Reader.DidNotReceive().TryReadEnvironment(200, out Arg.Any<ProcessArguments?>());
    }

    [Fact]
    public async Task The_environment_is_read_right_after_argv_before_any_other_detail()
    {
        var process = _processes.Add(200, 150, "a", "a");
        process.Environment = "A=1\0"u8.ToArray();
        process.ExecutablePath = "/bin/a";
        var reads = new List<string>();
        _processes.Reader.When(r => r.TryReadArguments(200, out Arg.Any<ProcessArguments?>())).Do(_ => reads.Add("argv"));
        _processes.Reader.When(r => r.TryReadEnvironment(200, out Arg.Any<ProcessArguments?>())).Do(_ => reads.Add("env"));
        _processes.Reader.When(r => r.TryReadExecutablePath(200, out Arg.Any<string?>(), out Arg.Any<byte[]?>())).Do(_ => reads.Add("exe"));

        await TraceAsync(() => _source.Exec(200), o => o.Details = ExecDetails.ExecutablePath | ExecDetails.Environment);

        Assert.Equal(["argv", "env", "exe"], reads);
    }
}
