using Tracing.Events;
using Tracing.Predicates;

namespace Tracing.Core.Tests.Predicates;

public class ExecEventPredicatesTests
{
    [Theory]
    [InlineData("git", "commit", "-m", "x")]
    [InlineData("/usr/bin/git", "-C", "/repo", "commit")]
    [InlineData("git", "commit")]
    [InlineData("git", "--no-pager", "commit", "--amend")]
    public void IsGitCommit_matches_git_commit(params string[] argv)
    {
        Assert.True(Exec(argv).IsGitCommit());
    }

    [Theory]
    [InlineData("git", "status")]
    [InlineData("gitk", "commit")]
    [InlineData("git")]
    [InlineData("/usr/bin/gitk", "commit")]
    [InlineData("echo", "git", "commit")]
    public void IsGitCommit_rejects_other_commands(params string[] argv)
    {
        Assert.False(Exec(argv).IsGitCommit());
    }

    [Fact]
    public void IsGitCommit_uses_the_executable_when_argv0_is_not_git()
    {
        var exec = Exec("my-git-wrapper", "commit") with { ExecutablePath = "/usr/bin/git" };

        Assert.True(exec.IsGitCommit());
    }

    [Fact]
    public void IsInvocationOf_needs_the_subcommand_words_adjacent_and_in_order()
    {
        Assert.True(Exec("docker", "compose", "up", "-d").IsInvocationOf("docker", "compose", "up"));
        Assert.False(Exec("docker", "up", "compose").IsInvocationOf("docker", "compose", "up"));
        Assert.True(Exec("docker", "ps").IsInvocationOf("docker"));
    }

    [Fact]
    public void IsInvocationOf_falls_back_to_the_command_name_without_argv()
    {
        var exec = new ExecEvent { CommandName = "git", ArgvSource = ArgvSource.None };

        Assert.True(exec.IsInvocationOf("git"));
        Assert.False(exec.IsGitCommit());
    }

    private static ExecEvent Exec(params string[] argv) => new() { Arguments = ProcessArguments.FromStrings(argv) };
}
