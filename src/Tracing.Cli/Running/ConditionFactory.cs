using System.Globalization;
using System.Text;
using Tracing.Filtering;
using Tracing.Linux.ProcFs;

namespace Tracing.Cli.Running;

/// <summary>
/// Turns <c>--comm</c> and <c>--uid</c> into the tracer's conditions: each option a condition that holds for any of its
/// values, both options together both. A user name is looked up in the host's <c>/etc/passwd</c>.
/// </summary>
internal static class ConditionFactory
{
    /// <summary>The file user names are looked up in.</summary>
    public const string PasswdPath = "/etc/passwd";

    public static IReadOnlyList<ExecCondition> Create(TraceSettings settings) => Create(settings, PasswdPath);

    /// <summary>Creates the conditions, looking user names up in <paramref name="passwdPath"/>.</summary>
    /// <exception cref="UsageException">A value cannot work: an empty or too long name, an unknown user, a uid out of range.</exception>
    internal static IReadOnlyList<ExecCondition> Create(TraceSettings settings, string passwdPath)
    {
        var conditions = new List<ExecCondition>();
        if (settings.CommandNames.Count > 0)
        {
            if (settings.CommandNames.Any(string.IsNullOrEmpty))
            {
                throw new UsageException("--comm needs a command name; got an empty value.");
            }

            conditions.Add(Checked("--comm", ExecCondition.CommandName(settings.CommandNames)));
        }

        if (settings.Users.Count > 0)
        {
            byte[]? passwd = null;
            var uids = settings.Users.Select(user => ToUid(user, ref passwd, passwdPath)).ToList();
            conditions.Add(Checked("--uid", ExecCondition.RealUid(uids)));
        }

        return conditions;
    }

    // The condition's own check, in its words (without the parameter name .NET appends).
    private static ExecCondition Checked(string option, ExecCondition condition)
    {
        try
        {
            condition.Validate();
            return condition;
        }
        catch (ArgumentException e)
        {
            throw new UsageException($"{option}: {e.Message.Replace($" (Parameter '{e.ParamName}')", string.Empty, StringComparison.Ordinal)}");
        }
    }

    // A number is a uid as it is (as chown and id take it); anything else is a user name.
    private static uint ToUid(string user, ref byte[]? passwd, string passwdPath)
    {
        if (user.Length == 0)
        {
            throw new UsageException("--uid needs a user id or a user name; got an empty value.");
        }

        if (user.All(char.IsAsciiDigit))
        {
            return uint.TryParse(user, NumberStyles.None, CultureInfo.InvariantCulture, out var uid) && uid != RealUidCondition.NoUser
                ? uid
                : throw new UsageException($"--uid: {user} is out of range; user ids go from 0 to {RealUidCondition.NoUser - 1}.");
        }

        if (user[0] == '-' && user.Length > 1 && user[1..].All(char.IsAsciiDigit))
        {
            throw new UsageException($"--uid: {user} is negative; user ids go from 0 to {RealUidCondition.NoUser - 1}.");
        }

        try
        {
            passwd ??= File.ReadAllBytes(passwdPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"--uid: the user name '{user}' cannot be looked up: {passwdPath} cannot be read ({e.Message}); give the uid as a number.");
        }

        return PasswdParser.TryFindUid(passwd, Encoding.UTF8.GetBytes(user), out var found)
            ? found
            : throw new UsageException($"--uid: no user '{user}' in {passwdPath} (users known only to NSS, such as LDAP's, are not looked up: give the uid as a number).");
    }
}
