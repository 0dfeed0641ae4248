using Microsoft.Extensions.Configuration;

namespace Tracing.Hosting.Configuration;

/// <summary>
/// The keys a configuration section may hold. A misspelt key (<c>ExecTracing:Scpoe</c>,
/// <c>ExecTracing:ProcConector:RealtimePriority</c>) would otherwise be ignored silently and its setting left at the
/// default; it is reported with the keys the section knows. Keys are matched in any letter case, as the binder does.
/// </summary>
/// <param name="known">The settings (the bound type's properties) and sub-sections the section may hold.</param>
internal sealed class SectionKeys(IEnumerable<string> known)
{
    private readonly string[] _known = [.. known];

    /// <summary>Adds an error for each child of <paramref name="section"/> that is not a known key.</summary>
    public void Check(IConfigurationSection section, List<string> errors)
    {
        foreach (var child in section.GetChildren())
        {
            if (!_known.Contains(child.Key, StringComparer.OrdinalIgnoreCase))
            {
                errors.Add($"{child.Path} is not a setting of {section.Path}, whose keys are {string.Join(", ", _known)}.");
            }
        }
    }
}
