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
/// A bound type's settings are read from its properties only when a section is checked: a program without
/// configuration (the CLI) never runs that reflection, which Native AOT pays for in start-up allocation.
/// </remarks>
internal sealed class SectionKeys
{
    [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)]
    private readonly Type? _settings;
    private readonly string[] _more;
    private string[]? _known;

    /// <summary>The keys of a bound type: its public settable properties, and <paramref name="subSections"/>.</summary>
    public SectionKeys([DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] Type settings, string[] subSections)
    {
        _settings = settings;
        _more = subSections;
    }

    /// <summary>These keys, in this order.</summary>
    public SectionKeys(string[] keys) => _more = keys;

    /// <summary>Adds an error for each child of <paramref name="section"/> (at <paramref name="path"/>) that is not a known key.</summary>
    public void Check(IConfiguration section, string path, List<string> errors)
    {
        var known = _known ??= [.. Properties().Concat(_more)];
        foreach (var child in section.GetChildren())
        {
            if (!known.Contains(child.Key, StringComparer.OrdinalIgnoreCase))
            {
                errors.Add($"{child.Path} is not a setting of {path}, whose keys are {string.Join(", ", known)}.");
            }
        }
    }

    private IEnumerable<string> Properties() =>
        _settings is null ? [] : _settings.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.SetMethod is { IsPublic: true })
            .Select(p => p.Name);
}
