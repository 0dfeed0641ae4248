using NSubstitute;
using Tracing.Events;
using Tracing.Filtering;

namespace Tracing.Core.Tests.Tracer;

/// <summary>An exec that finds the session held (here by the seeding of the process table) reads its argv before it waits.</summary>
public sealed partial class ExecTracerTests
{
    [Fact]
    public async Task An_exec_while_the_table_is_seeded_reads_its_argv_first_and_keeps_it_when_the_process_is_gone()
    {
        const int Root = 200, Child = 250;
        _processes.Add(Root, 1, "sh", "sh");
        _processes.Add(Child, Root, "echo", "/bin/echo", "MARK");
        var seeding = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var argvRead = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var release = new ManualResetEventSlim();

        // The seeding reads the root's threads holding the session; it waits there until the test lets it go.
        _processes.Reader.When(r => r.TryReadOtherThreadIds(Root, out Arg.Any<IReadOnlyList<int>?>())).Do(_ =>
        {
            seeding.TrySetResult();
            release.Wait(s_timeout * 3);
        });
        _processes.Reader.When(r => r.TryReadArguments(Child, out Arg.Any<ProcessArguments?>())).Do(_ => argvRead.TrySetResult());

        // The read-ahead's last read (the command name) answers, and the process is gone the moment it has: every read
        // after it, under the session, finds nothing. Removed here, not by the test's thread, which would race the reads.
        var commandReads = 0;
        _processes.Reader.TryReadCommandName(Child, out Arg.Any<string?>()).Returns(call =>
        {
            if (Interlocked.Increment(ref commandReads) > 1)
            {
                return false;
            }

            call[1] = "echo";
            _processes.Remove(Child);
            return true;
        });
        await using var tracer = CreateTracer(o => o.Filter = ExecTraceFilter.ProcessTree(Root));
        var reader = tracer.CreateReader();

        var start = Task.Run(() => tracer.StartAsync());
        Task exec;
        try
        {
            await seeding.Task.WaitAsync(s_timeout);
            exec = Task.Run(() => _source.Exec(Child));

            // Read while the session is still held: an exec that waited for it first would time out here.
            await argvRead.Task.WaitAsync(s_timeout);
        }
        finally
        {
            release.Set();
        }

        await start.WaitAsync(s_timeout);
        await exec.WaitAsync(s_timeout);
        await tracer.StopAsync();

        var reported = Assert.Single((await DrainAsync(reader)).OfType<ExecEvent>());
        Assert.Equal((Child, ArgvSource.Complete), (reported.Pid, reported.ArgvSource));
        Assert.Equal(["/bin/echo", "MARK"], reported.Arguments.Strings);
        Assert.Equal("echo", reported.CommandName);
    }
}
