using System.Text;
using NSubstitute;
using Tracing.Filtering;
using Tracing.Ports;
using Tracing.Tracer;

namespace Tracing.Core.Tests.Filtering;

public class ExecConditionTests
{
    [Theory]
    [InlineData("git")]
    [InlineData("systemd-journal")]
    [InlineData("Web Content")]
    [InlineData("kworker:0")]
    public void A_command_name_of_up_to_15_bytes_is_valid(string name)
    {
        Assert.Empty(OptionsWith(ExecCondition.CommandName(name)).GetValidationErrors());
    }

    [Fact]
    public void A_command_name_longer_than_the_kernel_keeps_is_refused_with_the_name_it_would_have()
    {
        var error = Assert.Single(OptionsWith(ExecCondition.CommandName("git", "systemd-journald")).GetValidationErrors());

        Assert.StartsWith("Conditions[0]: ", error, StringComparison.Ordinal);
        Assert.Contains("'systemd-journald' is 16 bytes; the kernel keeps 15", error, StringComparison.Ordinal);
        Assert.Contains("named 'systemd-journal'", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Parameter", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Command_name_length_is_counted_in_UTF8_bytes()
    {
        // 8 characters, 16 bytes: the cut splits a character, whose first byte the kernel keeps.
        var name = new string('é', 8);
        Assert.Equal(16, Encoding.UTF8.GetByteCount(name));

        var error = Assert.Single(OptionsWith(ExecCondition.CommandName(name)).GetValidationErrors());

        Assert.Contains("16 bytes", error, StringComparison.Ordinal);
        Assert.Contains($"named '{new string('é', 7)}' and \\xc3 (the 15th byte cuts a character)", error, StringComparison.Ordinal);
        Assert.Contains($"give '{new string('é', 7)}\\uFFFD' (in a shell, $'{new string('é', 7)}\\xc3')", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("программа")] // 18 bytes: the 15th is the first of a 2-byte character
    [InlineData("abcdefghijklm€x")] // the cut keeps 2 of the euro sign's 3 bytes
    [InlineData("ééééééééé")]
    public void A_name_whose_15_byte_cut_splits_a_character_matches_as_its_comm_reads(string startedAs)
    {
        // What the kernel keeps (the first 15 bytes), read as every comm is read; a name given that way is valid and matches.
        var comm = Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(startedAs), 0, CommandNameCondition.MaxNameBytes);
        var reader = Substitute.For<IProcessInfoReader>();
        reader.TryReadCommandName(7, out Arg.Any<string?>()).Returns(call =>
        {
            call[1] = comm;
            return true;
        });
        var facts = new ExecFacts(reader);
        facts.Begin(7);

        var error = Assert.Single(OptionsWith(ExecCondition.CommandName(startedAs)).GetValidationErrors());

        Assert.Contains($"give '{comm}'", error.Replace("\\uFFFD", "\uFFFD", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Empty(OptionsWith(ExecCondition.CommandName(comm)).GetValidationErrors());
        Assert.Equal(ScopeVerdict.In, ExecCondition.CommandName(comm).Test(facts));
    }

    [Theory]
    [InlineData("", "cannot be empty")]
    [InlineData("/usr/bin/git", "has a '/'")]
    [InlineData("a\0b", "NUL")]
    public void Malformed_command_names_are_refused(string name, string expected)
    {
        var error = Assert.Single(OptionsWith(ExecCondition.CommandName(name)).GetValidationErrors());

        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Conditions_without_values_are_refused()
    {
        var errors = OptionsWith(ExecCondition.CommandName(), ExecCondition.RealUid()).GetValidationErrors();

        Assert.Equal(["Conditions[0]: Give at least one command name.", "Conditions[1]: Give at least one user id."], errors);
    }

    [Fact]
    public void The_uid_that_no_process_has_is_refused()
    {
        var error = Assert.Single(OptionsWith(ExecCondition.RealUid(0, uint.MaxValue)).GetValidationErrors());

        Assert.Contains("4294967295 is (uid_t)-1", error, StringComparison.Ordinal);
        Assert.Empty(OptionsWith(ExecCondition.RealUid(0, uint.MaxValue - 1)).GetValidationErrors());
    }

    [Fact]
    public void A_null_condition_is_refused()
    {
        var error = Assert.Single(OptionsWith([null!]).GetValidationErrors());

        Assert.Equal("Conditions[0]: must not be null.", error);
    }

    [Fact]
    public void Conditions_say_what_they_match()
    {
        Assert.Equal("CommandName(git, make)", ExecCondition.CommandName("git", "make").ToString());
        Assert.Equal("RealUid(0, 1000)", ExecCondition.RealUid(0, 1000).ToString());
        Assert.Equal(["git", "make"], Assert.IsType<CommandNameCondition>(ExecCondition.CommandName(["git", "make"])).Names);
        Assert.Equal([1000u], Assert.IsType<RealUidCondition>(ExecCondition.RealUid(1000)).Uids);
        Assert.Equal("CommandName(git) and RealUid(1000)", new ExecConditions([ExecCondition.CommandName("git"), ExecCondition.RealUid(1000)]).ToString());
    }

    [Fact]
    public void Options_have_no_conditions_by_default()
    {
        Assert.Empty(new ExecTracingOptions().Conditions);
    }

    private static ExecTracingOptions OptionsWith(params ExecCondition[] conditions)
    {
        var options = new ExecTracingOptions();
        foreach (var condition in conditions)
        {
            options.Conditions.Add(condition);
        }

        return options;
    }
}
