using System.Text.Json;

namespace Tracing.Linux.Containers;

internal static partial class EngineJson
{
    /// <summary>
    /// <c>Id</c>, <c>Name</c>, <c>State.Running</c> and <c>State.Pid</c> of a <c>GET /containers/{id}/json</c> answer;
    /// false when one is missing, of another type, or the answer is not a JSON object.
    /// </summary>
    public static bool TryReadContainer(ReadOnlySpan<byte> json, out InspectedContainer container)
    {
        container = default;
        try
        {
            var reader = new Utf8JsonReader(json);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            string? id = null;
            string? name = null;
            (bool Running, int Pid)? state = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("Id"u8))
                {
                    id = ReadString(ref reader);
                }
                else if (reader.ValueTextEquals("Name"u8))
                {
                    name = ReadString(ref reader);
                }
                else if (reader.ValueTextEquals("State"u8))
                {
                    state = ReadState(ref reader);
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }

            if (!IsWholeDocument(ref reader) || id is null || name is null || state is not { } s)
            {
                return false;
            }

            container = new InspectedContainer(id, name.StartsWith('/') ? name[1..] : name, s.Running, s.Pid);
            return true;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return false;
        }
    }

    // On a property name; leaves the reader on its value. Null for a value that is not a string.
    private static string? ReadString(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.String)
        {
            return reader.GetString();
        }

        reader.Skip();
        return null;
    }

    // On the "State" property name; leaves the reader on the object's end.
    private static (bool Running, int Pid)? ReadState(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return null;
        }

        bool? running = null;
        int? pid = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var property = reader.ValueTextEquals("Running"u8) ? 1 : reader.ValueTextEquals("Pid"u8) ? 2 : 0;
            reader.Read();
            if (property == 1 && reader.TokenType is JsonTokenType.True or JsonTokenType.False)
            {
                running = reader.GetBoolean();
            }
            else if (property == 2 && reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var value))
            {
                pid = value;
            }
            else
            {
                reader.Skip();
            }
        }

        return running is { } r && pid is { } p ? (r, p) : null;
    }
}
