using System.Text.Json;
using Tracing.Events;

namespace Tracing.Cli.Output;

internal sealed partial class JsonEventFormatter
{
    /// <summary>NUL-separated strings as an array, and byte-exact as base64 too when they are not all valid UTF-8.</summary>
    private static void WriteStrings(Utf8JsonWriter writer, JsonEncodedText name, JsonEncodedText base64Name, ProcessArguments strings)
    {
        writer.WriteStartArray(name);
        var validUtf8 = strings.IsValidUtf8;
        for (var i = 0; i < strings.Count; i++)
        {
            // Valid UTF-8 is escaped straight from the bytes; otherwise from the decoded string (U+FFFD for what is
            // not UTF-8), with the bytes themselves in the base64 twin.
            if (validUtf8)
            {
                writer.WriteStringValue(strings.GetRaw(i));
            }
            else
            {
                writer.WriteStringValue(strings.Strings[i]);
            }
        }

        writer.WriteEndArray();
        if (!validUtf8)
        {
            writer.WriteStartArray(base64Name);
            for (var i = 0; i < strings.Count; i++)
            {
                writer.WriteBase64StringValue(strings.GetRaw(i));
            }

            writer.WriteEndArray();
        }
    }

    /// <summary>A path's exact bytes, written only when they are not valid UTF-8 (as <c>argv_base64</c> for argv).</summary>
    private static void WriteBase64Twin(Utf8JsonWriter writer, JsonEncodedText name, ReadOnlyMemory<byte>? bytes)
    {
        if (bytes is { } raw)
        {
            writer.WriteBase64String(name, raw.Span);
        }
    }

    private static void WriteNullable(Utf8JsonWriter writer, JsonEncodedText name, uint? value)
    {
        if (value is uint v)
        {
            writer.WriteNumber(name, v);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    private static void WriteNullable(Utf8JsonWriter writer, JsonEncodedText name, int? value)
    {
        if (value is int v)
        {
            writer.WriteNumber(name, v);
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
