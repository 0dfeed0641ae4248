using Tracing.Cli.Running;
using Tracing.Tracer;

namespace Tracing.Cli.Tests.Running;

/// <summary>What the tracer is asked to read for each output: what it shows, and the costly opt-ins only when given.</summary>
public class TracerServicesTests
{
    [Fact]
    public void Text_reads_the_executable_only_with_exe()
    {
        Assert.False(TracerServices.DetailsFor(new TraceSettings()).HasFlag(ExecDetails.ExecutablePath));
        Assert.True(TracerServices.DetailsFor(new TraceSettings { ShowExecutable = true }).HasFlag(ExecDetails.ExecutablePath));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_environment_and_the_depth_are_read_only_when_asked_in_either_output(bool json)
    {
        var plain = TracerServices.DetailsFor(new TraceSettings { Json = json });
        var asked = TracerServices.DetailsFor(new TraceSettings { Json = json, ShowEnvironment = true, Tree = true });

        Assert.Equal(ExecDetails.None, plain & (ExecDetails.Environment | ExecDetails.Depth));
        Assert.Equal(ExecDetails.Environment | ExecDetails.Depth, asked & (ExecDetails.Environment | ExecDetails.Depth));
        Assert.Equal(plain, asked & ~(ExecDetails.Environment | ExecDetails.Depth));
    }
}
