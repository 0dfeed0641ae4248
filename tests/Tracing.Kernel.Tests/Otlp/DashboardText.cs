using System.Collections;
using System.Globalization;
using System.Text.Json;

namespace Tracing.Kernel.Tests.Otlp;

/// <summary>
/// An attribute value as the Aspire Dashboard gives it back: it keeps every attribute as text when it receives it
/// (ints and doubles invariant, bools "true"/"false", arrays as a JSON array of their values), so a test compares
/// what it sent, passed through here, with what it reads.
/// </summary>
internal static class DashboardText
{
    public static string? Of(object? sent) => sent switch
    {
        null => null,
        string s => s,
        bool b => b ? "true" : "false",
        IFormattable f and not IEnumerable => f.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable values => JsonSerializer.Serialize(values.Cast<object?>().ToArray()),
        _ => sent.ToString(),
    };
}
