using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Tracing.Linux.Bpf.Tracepoints;

/// <summary>
/// A tracepoint's <c>format</c> file (<c>/sys/kernel/tracing/events/GROUP/NAME/format</c>): its id, which
/// <c>perf_event_open</c> takes, and where each field of its record is. Offsets vary by kernel, so the eBPF source
/// reads them here at start rather than from constants.
/// </summary>
internal sealed class TracepointFormat
{
    private TracepointFormat(string name, int id, IReadOnlyList<TracepointField> fields)
    {
        Name = name;
        Id = id;
        Fields = fields;
    }

    public string Name { get; }

    /// <summary>The event's id (the <c>config</c> of a <c>PERF_TYPE_TRACEPOINT</c> perf event).</summary>
    public int Id { get; }

    public IReadOnlyList<TracepointField> Fields { get; }

    /// <summary>The field named <paramref name="name"/>, or null.</summary>
    public TracepointField? Field(string name)
    {
        foreach (var field in Fields)
        {
            if (field.Name == name)
            {
                return field;
            }
        }

        return null;
    }

    /// <summary>Parses a format file's text; false (and null) when it is not one: no name, no id, or a malformed field line.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, [NotNullWhen(true)] out TracepointFormat? format)
    {
        format = null;
        string? name = null;
        int? id = null;
        var fields = new List<TracepointField>();
        foreach (var range in text.Split('\n'))
        {
            var line = text[range].Trim();
            if (line.StartsWith("name: "))
            {
                name = line["name: ".Length..].Trim().ToString();
            }
            else if (line.StartsWith("ID: "))
            {
                if (!int.TryParse(line["ID: ".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
                {
                    return false;
                }

                id = parsed;
            }
            else if (line.StartsWith("field:"))
            {
                if (!TryParseField(line, out var field))
                {
                    return false;
                }

                fields.Add(field);
            }
        }

        if (name is not { Length: > 0 } || id is not int eventId)
        {
            return false;
        }

        format = new TracepointFormat(name, eventId, fields);
        return true;
    }

    // field:DECLARATION;<tab>offset:N;<tab>size:N;<tab>signed:0|1;
    private static bool TryParseField(ReadOnlySpan<char> line, [NotNullWhen(true)] out TracepointField? field)
    {
        field = null;
        var rest = line["field:".Length..];
        var end = rest.IndexOf(';');
        if (end <= 0)
        {
            return false;
        }

        var declaration = rest[..end].Trim().ToString();
        rest = rest[(end + 1)..];
        if (!TryTakeNumber(ref rest, "offset:", out var offset) || !TryTakeNumber(ref rest, "size:", out var size)
            || !TryTakeNumber(ref rest, "signed:", out var signed) || signed > 1 || Identifier(declaration) is not { } identifier)
        {
            return false;
        }

        field = new TracepointField(identifier, declaration, offset, size, signed == 1);
        return true;
    }

    private static bool TryTakeNumber(ref ReadOnlySpan<char> rest, string key, out int value)
    {
        value = 0;
        rest = rest.TrimStart();
        if (!rest.StartsWith(key, StringComparison.Ordinal))
        {
            return false;
        }

        rest = rest[key.Length..];
        var end = rest.IndexOf(';');
        if (end <= 0 || !int.TryParse(rest[..end], NumberStyles.None, CultureInfo.InvariantCulture, out value))
        {
            return false;
        }

        rest = rest[(end + 1)..];
        return true;
    }

    /// <summary>The declaration's last identifier, array brackets left out: <c>comm</c> of <c>char comm[16]</c>.</summary>
    private static string? Identifier(string declaration)
    {
        var span = declaration.AsSpan();
        var bracket = span.IndexOf('[');
        while (bracket >= 0 && span[(bracket + 1)..].IndexOf(']') is var close and >= 0 && span[(bracket + 1 + close + 1)..].Trim().IsEmpty)
        {
            span = span[..bracket].TrimEnd();
            bracket = span.IndexOf('[');
        }

        var end = span.Length;
        while (end > 0 && !IsIdentifierChar(span[end - 1]))
        {
            end--;
        }

        var start = end;
        while (start > 0 && IsIdentifierChar(span[start - 1]))
        {
            start--;
        }

        return start < end && !char.IsAsciiDigit(span[start]) ? span[start..end].ToString() : null;
    }

    private static bool IsIdentifierChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';
}
