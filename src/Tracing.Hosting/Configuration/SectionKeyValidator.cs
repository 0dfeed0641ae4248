using Microsoft.Extensions.Options;

namespace Tracing.Hosting.Configuration;

/// <summary>
/// Runs a generated validator and names each failure by its configuration key. A generated failure reads
/// <c>RealtimePriority: The field ProcConnectorOptions.RealtimePriority must be between 0 and 99.</c>; it becomes
/// <c>The field ExecTracing:ProcConnector:RealtimePriority must be between 0 and 99.</c> A failure that names its key
/// already is kept, and any other is prefixed with the section.
/// </summary>
internal sealed class SectionKeyValidator<TOptions>(IValidateOptions<TOptions> generated, string sectionPath) : IValidateOptions<TOptions>
    where TOptions : class
{
    private readonly string _memberPrefix = typeof(TOptions).Name + ".";

    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        // Without a name the generated messages say Type.Member; the configuration binds only the default instance.
        var result = generated.Validate(null, options);
        return result.Failed ? ValidateOptionsResult.Fail(result.Failures.Select(NameKey)) : result;
    }

    private string NameKey(string failure)
    {
        var at = failure.IndexOf(_memberPrefix, StringComparison.Ordinal);
        if (at < 0)
        {
            return failure.StartsWith(sectionPath, StringComparison.Ordinal) ? failure : $"{sectionPath}: {failure}";
        }

        // The member the message names, and the "Member: " the result builder put before the message.
        var member = failure.AsSpan(at + _memberPrefix.Length);
        var end = 0;
        while (end < member.Length && (char.IsAsciiLetterOrDigit(member[end]) || member[end] == '_'))
        {
            end++;
        }

        member = member[..end];
        var message = failure.StartsWith($"{member}: ", StringComparison.Ordinal) ? failure[(member.Length + 2)..] : failure;
        return message.Replace(_memberPrefix, sectionPath + ":", StringComparison.Ordinal);
    }
}
