using Microsoft.Extensions.Configuration;

namespace Tracing.Hosting.Configuration;

/// <summary>
/// Checks an enum setting's text before the binder reads it: only names are accepted, in any letter case (as the binder
/// matches them), and for a combinable (flags) enum a comma-separated list of names. A number, which the binder would
/// take as the value with that number, is refused, as is a wrong name, with the names allowed.
/// </summary>
internal static class EnumSetting
{
    /// <summary>
    /// Adds an error when <paramref name="key"/> in <paramref name="section"/> is set but is not a name of
    /// <typeparamref name="TEnum"/> (or, with <paramref name="combinable"/>, a comma-separated list of names).
    /// </summary>
    public static void Check<TEnum>(IConfiguration section, string key, List<string> errors, bool combinable = false)
        where TEnum : struct, Enum
    {
        var text = section[key];
        if (string.IsNullOrEmpty(text) || IsNames<TEnum>(text, combinable))
        {
            return;
        }

        errors.Add(NotOneOf<TEnum>(section.GetSection(key).Path, text, combinable));
    }

    /// <summary>The message for a value of <typeparamref name="TEnum"/> that is not one of its names.</summary>
    public static string NotOneOf<TEnum>(string path, string text, bool combinable = false)
        where TEnum : struct, Enum =>
        $"{path} '{text}' is not one of {string.Join(", ", Enum.GetNames<TEnum>())}{(combinable ? " (or several, separated by commas)" : "")}.";

    private static bool IsNames<TEnum>(string text, bool combinable)
        where TEnum : struct, Enum
    {
        var names = Enum.GetNames<TEnum>();
        var parts = combinable ? text.Split(',') : [text];
        return parts.All(part => names.Contains(part.Trim(), StringComparer.OrdinalIgnoreCase));
    }
}
