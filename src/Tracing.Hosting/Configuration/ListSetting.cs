using Microsoft.Extensions.Configuration;

namespace Tracing.Hosting.Configuration;

/// <summary>
/// Checks that a list setting is given as a list. The binder reads a list from the key's children
/// (<c>ExecTracing:CommandNames:0</c>, a JSON array) and ignores a single value at the key itself, which would leave the
/// setting unset without a word: that is refused, with the form that works.
/// </summary>
internal static class ListSetting
{
    /// <summary>Adds an error when <paramref name="key"/> in <paramref name="section"/> has a value of its own.</summary>
    /// <param name="section">The section.</param>
    /// <param name="key">The list setting's key.</param>
    /// <param name="example">A value to show in the message.</param>
    /// <param name="errors">Where the error goes.</param>
    public static void Check(IConfiguration section, string key, string example, List<string> errors)
    {
        var setting = section.GetSection(key);
        if (setting.Value is { Length: > 0 } && !setting.GetChildren().Any())
        {
            errors.Add($"{setting.Path} is a list: give each value under its index ({setting.Path}:0={example}, {setting.Path}:1=...), or a JSON array.");
        }
    }
}
