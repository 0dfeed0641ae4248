using Tracing.Cli.Output;
using Tracing.Cli.Running;
using Tracing.Events;

namespace Tracing.Cli.Tests.Running;

/// <summary>What exectrace says on stderr when events were lost or could not be decided.</summary>
public class EventWriterLossTests
{
    private static readonly DateTimeOffset s_time = new(2025, 3, 14, 14, 2, 11, 532, TimeSpan.Zero);

    [Theory]
    [InlineData(true, "exectrace: the kernel dropped 782 event(s) (receive buffer overflow)")]
    [InlineData(false, "exectrace: the kernel dropped at least 782 event(s) (receive buffer overflow)")]
    public void A_kernel_loss_says_at_least_unless_the_count_is_exact(bool exact, string expected)
    {
        var diagnostics = new StringWriter();
        using var writer = new EventWriter(new TextEventFormatter(false, false), new MemoryStream(), diagnostics, () => { });

        writer.Write(new EventsLostEvent { Time = s_time, Count = 782, IsExact = exact, Reason = LossReason.KernelBufferOverflow });

        Assert.StartsWith(expected + ";", diagnostics.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(LossReason.ScopeUndecided, "exectrace: pid 77 exec'd and ended before its cgroup could be read")]
    [InlineData(LossReason.MatchUndecided, "exectrace: pid 77 exec'd and ended before its command name or user could be read")]
    public void An_exec_that_could_not_be_decided_is_named_on_stderr(LossReason reason, string expected)
    {
        var diagnostics = new StringWriter();
        using var writer = new EventWriter(new TextEventFormatter(false, false), new MemoryStream(), diagnostics, () => { });

        writer.Write(new EventsLostEvent { Time = s_time, Pid = 77, Count = 1, IsExact = true, Reason = reason });

        Assert.StartsWith(expected + ";", diagnostics.ToString(), StringComparison.Ordinal);
    }
}
