using Tracing.Events;

namespace Tracing.Core.Tests.Tracer;

public sealed partial class ExecTracerTests
{
    [Fact]
    public async Task Paths_that_are_not_UTF8_keep_their_exact_bytes()
    {
        byte[] exe = [.. "/opt/a"u8, 0xFF];
        byte[] cwd = [.. "/home/"u8, 0xFE, 0xC3];
        var process = _processes.Add(200, 150, "a", "a");
        process.ExecutablePath = "/opt/a\uFFFD";
        process.ExecutablePathBytes = exe;
        process.WorkingDirectory = "/home/\uFFFD\uFFFD";
        process.WorkingDirectoryBytes = cwd;

        var events = await TraceAsync(() => _source.Exec(200));

        var exec = Assert.IsType<ExecEvent>(Assert.Single(events));
        Assert.Equal(exe, exec.ExecutablePathBytes?.ToArray());
        Assert.Equal(cwd, exec.WorkingDirectoryBytes?.ToArray());
        Assert.Equal("/opt/a\uFFFD", exec.ExecutablePath);
    }

    [Fact]
    public async Task UTF8_paths_carry_no_bytes_beyond_the_string()
    {
        var process = _processes.Add(200, 150, "git", "git");
        process.ExecutablePath = "/usr/bin/git";
        process.WorkingDirectory = "/src";

        var events = await TraceAsync(() => _source.Exec(200));

        var exec = Assert.IsType<ExecEvent>(Assert.Single(events));
        Assert.Null(exec.ExecutablePathBytes);
        Assert.Null(exec.WorkingDirectoryBytes);
        Assert.Equal("/src", exec.WorkingDirectory);
    }
}
