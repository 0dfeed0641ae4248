using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace Tracing.Hosting.Configuration;

/// <summary>
/// The keys a configuration section may hold. A misspelt key (<c>ExecTracing:Scpoe</c>,
/// <c>ExecTracing:ProcConector:RealtimePriority</c>) would otherwise be ignored silently and its setting left at the
/// default; it is reported with the keys the section knows. Keys are matched in any letter case, as the binder does.
/// </summary>
/// <remarks>
/// The settings are read from the bound type's properties only when a section is checked: a program without
/// configuration (the CLI) never runs that reflection, which Native AOT pays for in start-up allocation.
/// </remarks>
/// <param name="settings">The bound type: its public settable properties are the settings.</param>
/// <param name="subSections">The sub-sections the section may hold.</param>
internal sealed class SectionKeys(
    [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] Type settings, string[] subSections)
{
    private string[]? _known;

    /// <summary>Adds an error for each child of <paramref name="section"/> that is not a known key.</summary>
    public void Check(IConfigurationSection section, List<string> errors)
    {
        var known = _known ??= [.. settings.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.SetMethod is { IsPublic: true })
            .Select(p => p.Name)
            .Concat(subSections)];
        foreach (var child in section.GetChildren())
        {
            if (!known.Contains(child.Key, StringComparer.OrdinalIgnoreCase))
            {
                errors.Add($"{child.Path} is not a setting of {section.Path}, whose keys are {string.Join(", ", known)}.");
            }
        }
    }
}
