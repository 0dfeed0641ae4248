using Tracing.Cli.Running;
using Tracing.Filtering;

namespace Tracing.Cli.Tests.Running;

public sealed class ConditionFactoryTests : IDisposable
{
    private readonly string _passwd = Path.GetTempFileName();

    public ConditionFactoryTests()
    {
        File.WriteAllText(
            _passwd,
            "root:x:0:0:root:/root:/bin/bash\n# a comment\nbroken line\nbuilder:x:4242:4242::/home/builder:/bin/sh\nbuilder:x:5000:5000::/:\n1000:x:77:77::/:\n");
    }

    public void Dispose() => File.Delete(_passwd);

    [Fact]
    public void No_comm_and_no_uid_is_no_condition()
    {
        Assert.Empty(Create(new TraceSettings()));
    }

    [Fact]
    public void Repeated_comm_is_one_condition_that_holds_for_any_name()
    {
        var condition = Assert.IsType<CommandNameCondition>(Assert.Single(Create(new TraceSettings { CommandNames = ["git", "make"] })));

        Assert.Equal(["git", "make"], condition.Names);
    }

    [Fact]
    public void Uids_are_taken_as_numbers_and_user_names_from_the_passwd_file()
    {
        var condition = Assert.IsType<RealUidCondition>(Assert.Single(Create(new TraceSettings { Users = ["1000", "builder", "root", "0"] })));

        // A number is a uid even when a user has that name (as chown and id take it); the first line of a name wins.
        Assert.Equal([1000u, 4242u, 0u, 0u], condition.Uids);
    }

    [Fact]
    public void Comm_and_uid_are_two_conditions_that_must_both_hold()
    {
        var conditions = Create(new TraceSettings { CommandNames = ["git"], Users = ["4242"] });

        Assert.Collection(conditions, c => Assert.IsType<CommandNameCondition>(c), c => Assert.IsType<RealUidCondition>(c));
    }

    [Theory]
    [InlineData("", "--comm needs a command name; got an empty value.")]
    [InlineData("systemd-journald", "--comm: The command name 'systemd-journald' is 16 bytes; the kernel keeps 15, so it could never match. A program started as 'systemd-journald' is named 'systemd-journal'.")]
    [InlineData("/usr/bin/git", "--comm: The command name '/usr/bin/git' has a '/': it is the base name of the executable (the kernel's comm), never a path.")]
    public void A_command_name_that_cannot_match_is_a_usage_error_that_says_why(string name, string expected)
    {
        var error = Assert.Throws<UsageException>(() => Create(new TraceSettings { CommandNames = ["git", name] }));

        Assert.Equal(expected, error.Message);
    }

    [Theory]
    [InlineData("", "--uid needs a user id or a user name; got an empty value.")]
    [InlineData("4294967295", "--uid: 4294967295 is out of range; user ids go from 0 to 4294967294.")]
    [InlineData("99999999999", "--uid: 99999999999 is out of range; user ids go from 0 to 4294967294.")]
    [InlineData("-1", "--uid: -1 is negative; user ids go from 0 to 4294967294.")]
    public void A_uid_out_of_range_is_a_usage_error(string user, string expected)
    {
        var error = Assert.Throws<UsageException>(() => Create(new TraceSettings { Users = [user] }));

        Assert.Equal(expected, error.Message);
    }

    [Fact]
    public void An_unknown_user_name_is_a_usage_error_that_names_it()
    {
        var error = Assert.Throws<UsageException>(() => Create(new TraceSettings { Users = ["0", "nobody-here"] }));

        Assert.StartsWith($"--uid: no user 'nobody-here' in {_passwd}", error.Message, StringComparison.Ordinal);
        Assert.Contains("give the uid as a number", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unreadable_passwd_file_is_a_usage_error_only_when_a_name_must_be_looked_up()
    {
        var missing = _passwd + ".missing";

        Assert.Single(ConditionFactory.Create(new TraceSettings { Users = ["42"] }, missing));
        var error = Assert.Throws<UsageException>(() => ConditionFactory.Create(new TraceSettings { Users = ["builder"] }, missing));
        Assert.StartsWith($"--uid: the user name 'builder' cannot be looked up: {missing} cannot be read", error.Message, StringComparison.Ordinal);
    }

    private IReadOnlyList<ExecCondition> Create(TraceSettings settings) => ConditionFactory.Create(settings, _passwd);
}
