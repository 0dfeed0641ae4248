using Microsoft.Extensions.Options;

namespace Tracing.Hosting.Configuration;

/// <summary>
/// Runs a generated validator and names each failure by its configuration key: the generated messages name a member
/// as <c>Type.Member</c> (<c>The field ProcConnectorOptions.RealtimePriority must be ...</c>), which becomes
/// <c>ExecTracing:ProcConnector:RealtimePriority</c>. A message that names no member is prefixed with the section.
/// </summary>
internal sealed class SectionKeyValidator<TOptions>(IValidateOptions<TOptions> generated, string sectionPath) : IValidateOptions<TOptions>
    where TOptions : class
{
    private readonly string _memberPrefix = typeof(TOptions).Name + ".";

    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        // Without a name the generated messages say Type.Member; the configuration binds only the default instance.
        var result = generated.Validate(null, options);
        if (!result.Failed)
        {
            return result;
        }

        return ValidateOptionsResult.Fail(result.Failures.Select(NameKey));
    }

    private string NameKey(string failure) =>
        failure.Contains(_memberPrefix, StringComparison.Ordinal)
            ? failure.Replace(_memberPrefix, sectionPath + ":", StringComparison.Ordinal)
            : failure.StartsWith(sectionPath, StringComparison.Ordinal) ? failure : $"{sectionPath}: {failure}";
}
