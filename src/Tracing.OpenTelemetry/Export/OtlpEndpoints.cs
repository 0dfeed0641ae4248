using OpenTelemetry.Exporter;

namespace Tracing.OpenTelemetry.Export;

/// <summary>The protocol and the per-signal URLs, from the options or the standard environment variables.</summary>
internal static class OtlpEndpoints
{
    public const string EndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string ProtocolVariable = "OTEL_EXPORTER_OTLP_PROTOCOL";

    /// <summary>The protocol: the options', else the environment's, else grpc.</summary>
    /// <exception cref="ArgumentException">The environment names a protocol this exporter does not speak.</exception>
    public static OtlpExportProtocol Protocol(ExecOtlpExporterOptions options, Func<string, string?> environment)
    {
        if (options.Protocol is { } protocol)
        {
            return protocol;
        }

        return environment(ProtocolVariable)?.Trim() switch
        {
            null or "" or "grpc" => OtlpExportProtocol.Grpc,
            "http/protobuf" => OtlpExportProtocol.HttpProtobuf,
            var other => throw new ArgumentException(
                $"{ProtocolVariable}={other} is not supported: use grpc or http/protobuf (http/json is not sent by this exporter)."),
        };
    }

    /// <summary>The base URL: the options', else the environment's, else the protocol's default on localhost.</summary>
    /// <exception cref="ArgumentException">The URL is not an absolute http or https URL.</exception>
    public static Uri Base(ExecOtlpExporterOptions options, OtlpExportProtocol protocol, Func<string, string?> environment)
    {
        if (options.Endpoint is { } given)
        {
            return Checked(given, "The OTLP endpoint");
        }

        if (environment(EndpointVariable) is { Length: > 0 } text)
        {
            return Uri.TryCreate(text.Trim(), UriKind.Absolute, out var parsed)
                ? Checked(parsed, EndpointVariable)
                : throw new ArgumentException($"{EndpointVariable}={text} is not a URL: give one like http://collector:4317.");
        }

        return new Uri(protocol == OtlpExportProtocol.Grpc ? "http://localhost:4317" : "http://localhost:4318");
    }

    /// <summary>
    /// The URL a signal is sent to: <c>OTEL_EXPORTER_OTLP_LOGS_ENDPOINT</c> or <c>..._TRACES_ENDPOINT</c> as it is, when
    /// set and no endpoint was given in the options (the specification's precedence); else <see cref="ForSignal(Uri, OtlpExportProtocol, string)"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The signal's variable is not an http or https URL.</exception>
    public static Uri ForSignal(ExecOtlpExporterOptions options, Uri baseUrl, OtlpExportProtocol protocol, string signal, Func<string, string?> environment)
    {
        var variable = $"OTEL_EXPORTER_OTLP_{signal.ToUpperInvariant()}_ENDPOINT";
        if (options.Endpoint is null && environment(variable) is { Length: > 0 } text)
        {
            return Uri.TryCreate(text.Trim(), UriKind.Absolute, out var parsed)
                ? Checked(parsed, variable)
                : throw new ArgumentException($"{variable}={text} is not a URL: give one like http://collector:4318/v1/{signal}.");
        }

        return ForSignal(baseUrl, protocol, "v1/" + signal);
    }

    /// <summary>The URL a signal is sent to: the base for grpc; the base and <c>v1/logs</c> or <c>v1/traces</c> for http/protobuf.</summary>
    public static Uri ForSignal(Uri baseUrl, OtlpExportProtocol protocol, string signalPath)
    {
        if (protocol == OtlpExportProtocol.Grpc)
        {
            return baseUrl;
        }

        var text = baseUrl.AbsoluteUri;
        return new Uri(text.EndsWith('/') ? text + signalPath : text + "/" + signalPath);
    }

    private static Uri Checked(Uri url, string what) =>
        url.IsAbsoluteUri && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)
            ? url
            : throw new ArgumentException($"{what} '{url}' is not an http:// or https:// URL, e.g. http://collector:4317.");

    /// <summary>The URL as messages show it: without a user, password or query, which may hold credentials.</summary>
    public static string Shown(Uri url) =>
        new UriBuilder(url) { UserName = string.Empty, Password = string.Empty, Query = string.Empty }.Uri.ToString();
}
