using System.Text;
using Tracing.Events;
using Tracing.Filtering;
using Tracing.Ports;
using Tracing.Tracer;

namespace Tracing.Kernel.Tests.Tracer;

public class EnvironmentKernelTests
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task The_environment_a_process_was_given_is_read_byte_exact()
    {
        // What execve gets, as bytes: an escape sequence, bytes that are not UTF-8, an empty value, and 300 KB over
        // many pages. The shell waits on a FIFO until its exec is reported, so the read races nothing.
        using var fifos = new Fifos();
        var fifo = fifos.Make("go");
        byte[][] environment =
        [
            "PATH=/usr/bin:/bin"u8.ToArray(),
            "TITLE=\u001b]0;owned\u0007\u001b[31mred"u8.ToArray(),
            [.. "RAW="u8, 0xff, 0xfe, 0xc3, (byte)'x'],
            "EMPTY="u8.ToArray(),
            // One string may be at most 128 KiB (MAX_ARG_STRLEN): three large ones.
            .. Enumerable.Range(0, 3).Select(i => Encoding.ASCII.GetBytes($"BIG{i}=" + new string((char)('a' + i), 100_000))),
        ];
        byte[][] argv = [.. new[] { "/bin/sh", "-c", $"read go < {fifo}" }.Select(Encoding.UTF8.GetBytes)];
        var command = CommandSpec.FromBytes([.. argv.Select(a => new ReadOnlyMemory<byte>(a))], [.. environment.Select(e => new ReadOnlyMemory<byte>(e))]);
        await using var tracer = new KernelTracer(ExecTraceFilter.RunCommand(command), details: ExecDetails.Environment);
        await tracer.Tracer.StartAsync();
        Assert.True(await tracer.WaitForAsync(e => e is ExecEvent x && x.Arguments.Strings[0] == "/bin/sh", s_wait), "the shell's exec was not reported");
        await fifos.ReleaseAsync(fifo, s_wait);
        await tracer.Tracer.WaitForCommandAsync();
        await tracer.Tracer.StopAsync();

        var exec = Assert.Single(tracer.Execs, e => e.Arguments.Strings[0] == "/bin/sh");
        Assert.False(exec.EnvironmentUnavailable);
        Assert.Equal(environment.SelectMany(e => (byte[])[.. e, 0]).ToArray(), exec.Environment?.RawBytes.ToArray());
    }
}
