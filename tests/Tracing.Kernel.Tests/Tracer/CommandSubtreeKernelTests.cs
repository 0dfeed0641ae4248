using Tracing.Events;
using Tracing.Filtering;
using Tracing.Kernel.Tests.Shapes;
using Tracing.Ports;

namespace Tracing.Kernel.Tests.Tracer;

/// <summary>A launched command's subtree in the library: its <c>CLONE_PARENT</c> helpers, and the wait with <c>Follow</c>.</summary>
public class CommandSubtreeKernelTests
{
    [Fact]
    public async Task With_IncludeTracerChildren_and_Follow_a_CLONE_PARENT_helper_is_reported_and_waited_for()
    {
        var filter = new CommandFilter(new CommandSpec(ShapesProgram.Path, ["clone-parent", "7"])) { IncludeTracerChildren = true, Follow = true };
        await using var tracer = new KernelTracer(filter);
        await tracer.Tracer.StartAsync();

        // The command exits 0 at once; its helper lingers and exits 7: the wait lasts until then.
        var exitCode = await tracer.Tracer.WaitForCommandAsync().WaitAsync(TimeSpan.FromSeconds(30));
        var helper = Assert.Single(tracer.Execs, e => e.Arguments.Strings.SequenceEqual([ShapesProgram.Path, "leaf", "7"]));
        // Ended by now: a zombie (this process is its parent, and does not reap what it did not start), or gone.
        Assert.True(HasEnded(helper.Pid), $"the wait ended while helper {helper.Pid} lived");

        Assert.Equal(0, exitCode);
        Assert.Equal(Environment.ProcessId, helper.ParentPid);
        Assert.NotEqual(tracer.Tracer.Command!.Pid, helper.Pid);
        Assert.True(await tracer.WaitForAsync(e => e is ExitEvent { ExitCode: 7 } end && end.Pid == helper.Pid, TimeSpan.FromSeconds(30)), "the helper's exit was not reported");
        await tracer.Tracer.StopAsync();
    }

    private static bool HasEnded(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].StartsWith('Z');
        }
        catch (IOException)
        {
            return true;
        }
    }
}
