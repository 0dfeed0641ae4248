using System.Text;
using Tracing.Cli.Output;
using Tracing.Cli.Running;
using Tracing.Events;

namespace Tracing.Cli.Tests.Running;

public class EventWriterTests
{
    private static readonly DateTimeOffset s_time = new(2025, 3, 14, 14, 2, 11, 532, TimeSpan.Zero);

    [Fact]
    public void Without_an_interval_each_line_is_written_at_once()
    {
        var output = new MemoryStream();
        using var writer = new EventWriter(new TextEventFormatter(false, false), output, TextWriter.Null, () => { });

        writer.Write(Exec(1, "first"));

        Assert.EndsWith("first\n", Text(output), StringComparison.Ordinal);
    }

    [Fact]
    public void With_an_interval_lines_wait_and_go_out_together_in_order_on_complete()
    {
        var output = new CountingStream();
        using var writer = new EventWriter(new TextEventFormatter(false, false), output, TextWriter.Null, () => { }, TimeSpan.FromHours(1));

        for (var i = 0; i < 100; i++)
        {
            writer.Write(Exec(i, $"line-{i}"));
        }

        Assert.Equal(0, output.Length);
        writer.Complete();

        Assert.Equal(1, output.Writes);
        var lines = Text(output).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(Enumerable.Range(0, 100).Select(i => $"line-{i}"), lines.Select(l => l.Split(' ')[^1]));
    }

    [Fact]
    public async Task A_gathered_line_is_written_within_the_interval_without_more_events()
    {
        var output = new CountingStream();
        using var writer = new EventWriter(new TextEventFormatter(false, false), output, TextWriter.Null, () => { }, TimeSpan.FromMilliseconds(50));

        writer.Write(Exec(1, "lonely"));

        // The timer writes it; 30 s is a failure bound only.
        await output.FirstWrite.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.EndsWith("lonely\n", Text(output), StringComparison.Ordinal);
    }

    [Fact]
    public void A_line_longer_than_a_batch_goes_out_after_the_lines_before_it()
    {
        var output = new CountingStream();
        using var writer = new EventWriter(new TextEventFormatter(false, false), output, TextWriter.Null, () => { }, TimeSpan.FromHours(1));
        var huge = new string('x', 100_000);

        writer.Write(Exec(1, "before"));
        writer.Write(Exec(2, huge));
        writer.Write(Exec(3, "after"));
        writer.Complete();

        var lines = Text(output).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["before", huge, "after"], lines.Select(l => l.Split(' ')[^1]));
    }

    [Fact]
    public void Json_lines_written_as_bytes_are_the_formatter_s_lines_in_order_a_huge_one_included()
    {
        var output = new CountingStream();
        var formatter = new JsonEventFormatter();
        using var writer = new EventWriter(formatter, output, TextWriter.Null, () => { }, TimeSpan.FromHours(1));
        ExecEvent[] events = [Exec(1, "before \u001b[31m\u2028 \U0001F600"), Exec(2, new string('x', 100_000)), Exec(3, "after")];

        foreach (var item in events)
        {
            writer.Write(item);
        }

        writer.Complete();

        var expected = events.Select(e =>
        {
            var line = new StringBuilder();
            Assert.True(formatter.TryFormat(e, line));
            return line.ToString();
        });
        Assert.Equal(expected, Text(output).Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Many_lines_are_written_in_few_writes_and_none_is_lost()
    {
        var output = new CountingStream();
        using var writer = new EventWriter(new TextEventFormatter(false, false), output, TextWriter.Null, () => { }, TimeSpan.FromHours(1));

        for (var i = 0; i < 10_000; i++)
        {
            writer.Write(Exec(i, $"n{i}"));
        }

        writer.Complete();

        Assert.Equal(10_000, Text(output).Count(c => c == '\n'));
        Assert.InRange(output.Writes, 2, 20);
    }

    [Fact]
    public void A_failing_output_is_reported_once_and_later_lines_are_dropped_quietly()
    {
        var failures = 0;
        using var writer = new EventWriter(new TextEventFormatter(false, false), new FailingStream(), TextWriter.Null, () => failures++, TimeSpan.FromHours(1));

        writer.Write(Exec(1, "a"));
        writer.Complete();
        writer.Write(Exec(2, "b"));
        writer.Complete();

        Assert.Equal(1, failures);
        Assert.IsType<IOException>(writer.Failure);
    }

    [Fact]
    public void A_closed_stdout_is_an_output_failure_too_reported_once_and_never_written_again()
    {
        // EBADF on a write, as .NET raises it: not an IOException.
        var stream = new FailingStream(new UnauthorizedAccessException("Access to the path is denied.", new IOException("Bad file descriptor", 9)));
        var failures = 0;
        using var writer = new EventWriter(new TextEventFormatter(false, false), stream, TextWriter.Null, () => failures++);

        writer.Write(Exec(1, "a"));
        writer.Write(Exec(2, "b"));
        writer.Write(Exec(3, "c"));

        Assert.Equal((1, 1), (failures, stream.Attempts));
        Assert.IsType<UnauthorizedAccessException>(writer.Failure);
    }

    [Fact]
    public void Warming_up_writes_nothing_either_way()
    {
        var direct = new CountingStream();
        var gathered = new CountingStream();
        using var first = new EventWriter(new TextEventFormatter(false, false), direct, TextWriter.Null, () => { });
        using var second = new EventWriter(new TextEventFormatter(false, false), gathered, TextWriter.Null, () => { }, TimeSpan.FromHours(1));

        first.WarmUp();
        second.WarmUp();
        second.Complete();

        Assert.Equal((0L, 0L), (direct.Length, gathered.Length));
    }

    private static ExecEvent Exec(int pid, string argument) => new()
    {
        Time = s_time,
        Pid = pid,
        ParentPid = 1,
        Arguments = ProcessArguments.FromStrings(["/bin/true", argument]),
        ArgvSource = ArgvSource.Complete,
    };

    private static string Text(MemoryStream output) => Encoding.UTF8.GetString(output.ToArray());

    private sealed class CountingStream : MemoryStream
    {
        private readonly TaskCompletionSource _firstWrite = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Writes { get; private set; }

        /// <summary>Completes once bytes have been written.</summary>
        public Task FirstWrite => _firstWrite.Task;

        public override void Write(byte[] buffer, int offset, int count)
        {
            base.Write(buffer, offset, count);
            if (count > 0)
            {
                Writes++;
                _firstWrite.TrySetResult();
            }
        }
    }

    private sealed class FailingStream(Exception? failure = null) : MemoryStream
    {
        public int Attempts { get; private set; }

        public override void Write(byte[] buffer, int offset, int count)
        {
            Attempts++;
            throw failure ?? new IOException("No space left on device");
        }
    }
}
