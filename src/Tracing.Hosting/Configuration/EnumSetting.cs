using Microsoft.Extensions.Configuration;

namespace Tracing.Hosting.Configuration;

/// <summary>
/// Checks an enum setting's text before the binder reads it, so that a wrong value is reported with the values allowed
/// rather than as the binder's conversion failure. Names are matched in any letter case, as the binder does.
/// </summary>
internal static class EnumSetting
{
    /// <summary>
    /// Adds an error when <paramref name="key"/> in <paramref name="section"/> is set but is not a name of
    /// <typeparamref name="TEnum"/> (or, with <paramref name="combinable"/>, a comma-separated list of names).
    /// </summary>
    public static void Check<TEnum>(IConfigurationSection section, string key, List<string> errors, bool combinable = false)
        where TEnum : struct, Enum
    {
        var text = section[key];
        if (string.IsNullOrEmpty(text) || (Enum.TryParse<TEnum>(text, ignoreCase: true, out var value) && IsNamed(value)))
        {
            return;
        }

        errors.Add(NotOneOf<TEnum>(section.Path + ":" + key, text, combinable));
    }

    /// <summary>The message for a value of <typeparamref name="TEnum"/> that is not one of its names.</summary>
    public static string NotOneOf<TEnum>(string path, string text, bool combinable = false)
        where TEnum : struct, Enum =>
        $"{path} '{text}' is not one of {string.Join(", ", Enum.GetNames<TEnum>())}{(combinable ? " (or several, separated by commas)" : "")}.";

    // The text may be a number ("7"), which Enum.TryParse accepts. A value that is not a name, nor (for [Flags]) a
    // combination of names, formats as a number.
    private static bool IsNamed<TEnum>(TEnum value)
        where TEnum : struct, Enum
    {
        var name = value.ToString();
        return !char.IsAsciiDigit(name[0]) && name[0] != '-';
    }
}
