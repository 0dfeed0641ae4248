using Tracing.Events;
using Tracing.Filtering;
using Tracing.Ports;

namespace Tracing.Kernel.Tests.Tracer;

public class LongArgvKernelTests
{
    [Fact]
    public async Task A_long_argv_of_a_process_that_exits_at_once_is_whole_or_said_to_be_missing_never_cut()
    {
        // 2 MB of argv over many pages, and /bin/true gone a moment after its exec: a read of cmdline may race its exit.
        // Whatever the race gives, a cut argv must never pass for a whole one.
        var argv = Enumerable.Range(0, 20).Select(i => new string((char)('a' + i), 100_000)).Append("END").ToArray();
        var whole = 0;
        for (var run = 0; run < 8; run++)
        {
            await using var tracer = new KernelTracer(ExecTraceFilter.RunCommand(new CommandSpec("/bin/true", argv)), includeExits: false);
            await tracer.Tracer.StartAsync();
            Assert.Equal(0, await tracer.Tracer.WaitForCommandAsync());
            await tracer.Tracer.StopAsync();

            var exec = Assert.Single(tracer.Execs);
            if (exec.ArgvSource == ArgvSource.Complete)
            {
                Assert.Equal(["/bin/true", .. argv], exec.Arguments.Strings);
                whole++;
            }
        }

        Assert.True(whole > 0, "no run read the argv whole");
    }
}
