using Tracing.Cli.Running;

namespace Tracing.Cli.Tests.Running;

public class OutputFailureTests
{
    [Fact]
    public void A_reader_that_went_away_is_no_fault_and_nothing_is_said()
    {
        var epipe = new IOException("Broken pipe", 32);

        Assert.True(OutputFailure.IsBrokenPipe(epipe));
        Assert.Null(OutputFailure.Describe(epipe, null, runsCommand: false));
        Assert.Null(OutputFailure.Describe(epipe, null, runsCommand: true));
    }

    [Fact]
    public void A_closed_stdout_is_named_with_the_errnos_words_not_access_denied()
    {
        // What .NET throws for EBADF on a write.
        var ebadf = new UnauthorizedAccessException("Access to the path is denied.", new IOException("Bad file descriptor", 9));

        Assert.False(OutputFailure.IsBrokenPipe(ebadf));
        Assert.Equal(
            "exectrace: cannot write events to standard output: Bad file descriptor; tracing stops (exit code 1).",
            OutputFailure.Describe(ebadf, null, runsCommand: false));
    }

    [Fact]
    public void A_full_disk_names_the_file_once_and_says_the_command_runs_on()
    {
        var enospc = new IOException("No space left on device : '/dev/full'", 28);

        Assert.Equal(
            "exectrace: cannot write events to /dev/full: No space left on device; no more events are written; the command runs on to its end, then exectrace exits with 1.",
            OutputFailure.Describe(enospc, "/dev/full", runsCommand: true));
    }

    [Fact]
    public void A_file_name_with_terminal_escapes_is_said_escaped()
    {
        var enospc = new IOException("No space left on device : '/mnt/\u001b[2Jx'", 28);

        Assert.Equal(
            "exectrace: cannot write events to /mnt/\\x1b[2Jx: No space left on device; tracing stops (exit code 1).",
            OutputFailure.Describe(enospc, "/mnt/\u001b[2Jx", runsCommand: false));
    }
}
