using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace Tracing.Linux.Containers;

/// <summary>
/// Reads the few fields the tracer needs from the Engine API's answers with <see cref="Utf8JsonReader"/>: no
/// reflection, nothing else deserialised. Every reader returns false on input it cannot read and never throws (the
/// reader throws JsonException on malformed JSON and InvalidOperationException on a string that is not UTF-8).
/// </summary>
internal static partial class EngineJson
{
    private const string PodmanComponent = "Podman Engine";

    /// <summary>The <c>message</c> of an error answer (<c>{"message": "..."}</c>, which Docker and podman both send).</summary>
    public static bool TryReadMessage(ReadOnlySpan<byte> json, [NotNullWhen(true)] out string? message)
    {
        message = null;
        try
        {
            var reader = new Utf8JsonReader(json);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isMessage = reader.ValueTextEquals("message"u8);
                reader.Read();
                if (isMessage && reader.TokenType == JsonTokenType.String)
                {
                    message = reader.GetString();
                }
                else
                {
                    reader.Skip();
                }
            }

            return IsWholeDocument(ref reader) && message is not null;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>
    /// The engine that answered <c>GET /version</c>: <c>podman</c> when a component is the "Podman Engine" (as
    /// podman's compat API lists itself), else <c>docker</c>.
    /// </summary>
    public static bool TryReadEngineName(ReadOnlySpan<byte> json, [NotNullWhen(true)] out string? engine)
    {
        engine = null;
        try
        {
            var reader = new Utf8JsonReader(json);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            var podman = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isComponents = reader.ValueTextEquals("Components"u8);
                reader.Read();
                if (isComponents && reader.TokenType == JsonTokenType.StartArray)
                {
                    podman |= HasPodmanComponent(ref reader);
                }
                else
                {
                    reader.Skip();
                }
            }

            if (!IsWholeDocument(ref reader))
            {
                return false;
            }

            engine = podman ? "podman" : "docker";
            return true;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return false;
        }
    }

    // After the top-level object's properties: on its end, with nothing but white space after it.
    private static bool IsWholeDocument(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == 0 && !reader.Read();

    // On the array's start; leaves the reader on its end.
    private static bool HasPodmanComponent(ref Utf8JsonReader reader)
    {
        var podman = false;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip();
                continue;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isName = reader.ValueTextEquals("Name"u8);
                reader.Read();
                if (isName && reader.TokenType == JsonTokenType.String)
                {
                    podman |= reader.ValueTextEquals(PodmanComponent);
                }
                else
                {
                    reader.Skip();
                }
            }
        }

        return podman;
    }
}
