using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace Tracing.Hosting.Configuration;

/// <summary>
/// The keys a configuration section may hold. A misspelt key (<c>ExecTracing:Scpoe</c>,
/// <c>ExecTracing:ProcConector:RealtimePriority</c>) would otherwise be ignored silently and its setting left at the
/// default; it is reported with the keys the section knows. So is a key of the wrong shape, which the binder would
/// ignore as silently: a single value given keys under it (<c>ExecTracing:Scope:Name</c>, a JSON object), and a
/// sub-section given a value (<c>ExecTracing:ProcConnector=fast</c>). Keys are matched in any letter case, as the
/// binder does.
/// </summary>
/// <remarks>
/// A bound type's settings are read from its properties only when a section is checked: a program without
/// configuration (the CLI) never runs that reflection, which Native AOT pays for in start-up allocation.
/// </remarks>
internal sealed class SectionKeys
{
    [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)]
    private readonly Type? _settings;
    private readonly string[] _values;
    private readonly string[] _lists;
    private readonly string[] _sections;
    private string[]? _known;

    /// <summary>The keys of a bound type: its public settable properties, each a single value.</summary>
    public SectionKeys([DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] Type settings)
    {
        _settings = settings;
        _values = _lists = _sections = [];
    }

    /// <summary>
    /// These keys, in this order: <paramref name="settings"/> (each a single value, except those of them that
    /// <paramref name="lists"/> names, whose values are under indexes), then the sub-sections <paramref name="sections"/>.
    /// </summary>
    public SectionKeys(string[] settings, string[] lists, string[] sections)
    {
        _values = settings;
        _lists = lists;
        _sections = sections;
    }

    /// <summary>
    /// Adds an error for each child of <paramref name="section"/> (at <paramref name="path"/>) that is not a known key,
    /// and for each known key of the wrong shape.
    /// </summary>
    public void Check(IConfiguration section, string path, List<string> errors)
    {
        var known = _known ??= [.. Properties().Concat(_values).Concat(_sections)];
        foreach (var child in section.GetChildren())
        {
            if (!known.Contains(child.Key, StringComparer.OrdinalIgnoreCase))
            {
                var of = path.Length == 0 ? "the configuration given to AddExecTracing" : path;
                errors.Add($"{child.Path} is not a setting of {of}, whose keys are {string.Join(", ", known)}.");
            }
            else if (_sections.Contains(child.Key, StringComparer.OrdinalIgnoreCase))
            {
                if (!string.IsNullOrEmpty(child.Value))
                {
                    errors.Add($"{child.Path} is a section, not a value: give its settings under it ({child.Path}:NAME=VALUE).");
                }
            }
            else if (!_lists.Contains(child.Key, StringComparer.OrdinalIgnoreCase))
            {
                foreach (var under in child.GetChildren())
                {
                    errors.Add($"{under.Path} is not a setting: {child.Path} is a single value, not a section.");
                }
            }
        }
    }

    private IEnumerable<string> Properties() =>
        _settings is null ? [] : _settings.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.SetMethod is { IsPublic: true })
            .Select(p => p.Name);
}
