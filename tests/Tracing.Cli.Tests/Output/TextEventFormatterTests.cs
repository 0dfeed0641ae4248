using System.Globalization;
using System.Text;
using Tracing.Cli.Output;
using Tracing.Events;

namespace Tracing.Cli.Tests.Output;

public class TextEventFormatterTests
{
    private static readonly DateTimeOffset s_time = new(2025, 3, 14, 14, 2, 11, 532, TimeSpan.Zero);

    private static ExecEvent GitCommit => new()
    {
        Time = s_time,
        Pid = 12345,
        ParentPid = 12000,
        RealUid = 1000,
        EffectiveUid = 0,
        WorkingDirectory = "/src/my repo",
        CommandName = "git",
        Arguments = ProcessArguments.FromStrings(["git", "commit", "-m", "fix bug"]),
        ArgvSource = ArgvSource.Complete,
    };

    [Fact]
    public void Exec_line_starts_with_the_local_time()
    {
        var line = Format(new TextEventFormatter(false, false), GitCommit);

        Assert.StartsWith(s_time.ToLocalTime().ToString("HH:mm:ss.fff ", CultureInfo.InvariantCulture), line, StringComparison.Ordinal);
    }

    [Fact]
    public void Exec_line_with_cwd_and_user()
    {
        var line = FormatAfterTime(new TextEventFormatter(showWorkingDirectory: true, showUser: true), GitCommit);

        Assert.Equal("12345 ppid=12000 uid=1000 euid=0 cwd='/src/my repo' git commit -m 'fix bug'", line);
    }

    [Fact]
    public void Exec_line_without_cwd_and_user()
    {
        var line = FormatAfterTime(new TextEventFormatter(showWorkingDirectory: false, showUser: false), GitCommit);

        Assert.Equal("12345 ppid=12000 git commit -m 'fix bug'", line);
    }

    [Fact]
    public void Unknown_cwd_and_uid_show_a_question_mark_and_equal_euid_is_omitted()
    {
        var exec = GitCommit with { WorkingDirectory = null, RealUid = null, EffectiveUid = null };
        var same = GitCommit with { RealUid = 1000, EffectiveUid = 1000 };

        Assert.Equal("12345 ppid=12000 uid=? cwd=? git commit -m 'fix bug'", FormatAfterTime(new TextEventFormatter(true, true), exec));
        Assert.Equal("12345 ppid=12000 uid=1000 git commit -m 'fix bug'", FormatAfterTime(new TextEventFormatter(false, true), same));
    }

    [Fact]
    public void Fallback_argv_is_flagged()
    {
        var exec = GitCommit with { Arguments = ProcessArguments.FromStrings(["git"]), ArgvSource = ArgvSource.CommandName };

        Assert.Equal("12345 ppid=12000 [argv unavailable: process ended] git", FormatAfterTime(new TextEventFormatter(false, false), exec));
    }

    [Fact]
    public void Missing_argv_is_flagged()
    {
        var exec = GitCommit with { Arguments = ProcessArguments.Empty, ArgvSource = ArgvSource.None };

        Assert.Equal("12345 ppid=12000 [argv unavailable: process ended]", FormatAfterTime(new TextEventFormatter(false, false), exec));
    }

    [Fact]
    public void An_unknown_parent_shows_as_a_question_mark_not_as_pid_0()
    {
        var exec = GitCommit with { ParentPid = 0, Arguments = ProcessArguments.Empty, ArgvSource = ArgvSource.None };

        Assert.Equal("12345 ppid=? [argv unavailable: process ended]", FormatAfterTime(new TextEventFormatter(false, false), exec));
    }

    [Fact]
    public void Hostile_argv_is_escaped()
    {
        var exec = GitCommit with { Arguments = ProcessArguments.FromNulSeparated([(byte)'e', 0, 0x1B, (byte)']', (byte)'0', 0, 0xFF, 0]) };

        var line = FormatAfterTime(new TextEventFormatter(false, false), exec);

        Assert.Equal("12345 ppid=12000 e $'\\E]0' $'\\xFF'", line);
    }

    [Fact]
    public void Exit_line_with_code_and_duration()
    {
        var exit = new ExitEvent { Time = s_time, Pid = 12345, ExitCode = 3, Lifetime = TimeSpan.FromMilliseconds(78), CommandName = "git" };

        Assert.Equal("12345 exit=3 0.078s git", FormatAfterTime(new TextEventFormatter(true, true), exit));
    }

    [Fact]
    public void An_exit_whose_command_was_never_read_says_so()
    {
        var exit = new ExitEvent { Time = s_time, Pid = 12345, ExitCode = 0, Lifetime = TimeSpan.FromMilliseconds(2) };

        Assert.Equal("12345 exit=0 0.002s [command unknown: process ended]", FormatAfterTime(new TextEventFormatter(false, false), exit));
    }

    [Fact]
    public void Exit_line_with_signal_and_core()
    {
        var exit = new ExitEvent { Time = s_time, Pid = 12345, Signal = 11, CoreDumped = true, Lifetime = TimeSpan.FromSeconds(1.5), CommandName = "crash me" };

        Assert.Equal("12345 killed=SIGSEGV (core dumped) 1.500s 'crash me'", FormatAfterTime(new TextEventFormatter(false, false), exit));
    }

    [Fact]
    public void Exit_line_with_signal_without_core_duration_or_name()
    {
        var exit = new ExitEvent { Time = s_time, Pid = 7, Signal = 9 };

        Assert.Equal("7 killed=SIGKILL [command unknown: process ended]", FormatAfterTime(new TextEventFormatter(false, false), exit));
    }

    [Fact]
    public void Lost_events_are_not_printed()
    {
        Assert.False(new TextEventFormatter(true, true).TryFormat(new EventsLostEvent { Count = 3 }, new StringBuilder()));
    }

    private static string Format(TextEventFormatter formatter, TraceEvent item)
    {
        var line = new StringBuilder();
        Assert.True(formatter.TryFormat(item, line));
        return line.ToString();
    }

    private static string FormatAfterTime(TextEventFormatter formatter, TraceEvent item) => Format(formatter, item)["HH:mm:ss.fff ".Length..];
}
