using OpenTelemetry.Exporter;
using Tracing.OpenTelemetry.Export;

namespace Tracing.OpenTelemetry.Tests.Export;

public sealed class OtlpEndpointsTests
{
    private static Func<string, string?> Environment(string? protocol = null, string? endpoint = null, string? logs = null) => name => name switch
    {
        OtlpEndpoints.ProtocolVariable => protocol,
        OtlpEndpoints.EndpointVariable => endpoint,
        "OTEL_EXPORTER_OTLP_LOGS_ENDPOINT" => logs,
        _ => null,
    };

    [Theory]
    [InlineData(null, "http://logs-only:4318/custom/logs", "logs", "http://logs-only:4318/custom/logs")]
    [InlineData(null, "http://logs-only:4318/custom/logs", "traces", "http://base:4318/v1/traces")]
    [InlineData("http://given:4318", "http://logs-only:4318/custom/logs", "logs", "http://given:4318/v1/logs")]
    [InlineData(null, null, "logs", "http://base:4318/v1/logs")]
    public void A_signals_own_variable_is_its_url_as_it_is_unless_an_endpoint_was_given(string? given, string? logs, string signal, string expected)
    {
        var options = new ExecOtlpExporterOptions { Endpoint = given is null ? null : new Uri(given) };
        var baseUrl = new Uri(given ?? "http://base:4318");

        Assert.Equal(new Uri(expected), OtlpEndpoints.ForSignal(options, baseUrl, OtlpExportProtocol.HttpProtobuf, signal, Environment(logs: logs)));
    }

    [Fact]
    public void A_signals_own_variable_that_is_not_an_http_url_is_refused_by_name()
    {
        var error = Assert.Throws<ArgumentException>(() => OtlpEndpoints.ForSignal(
            new ExecOtlpExporterOptions(), new Uri("http://base:4318"), OtlpExportProtocol.HttpProtobuf, "logs", Environment(logs: "collector:4318")));

        Assert.Contains("OTEL_EXPORTER_OTLP_LOGS_ENDPOINT", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(OtlpExportProtocol.HttpProtobuf, "grpc", OtlpExportProtocol.HttpProtobuf)]
    [InlineData(OtlpExportProtocol.Grpc, "http/protobuf", OtlpExportProtocol.Grpc)]
    [InlineData(null, "http/protobuf", OtlpExportProtocol.HttpProtobuf)]
    [InlineData(null, " grpc ", OtlpExportProtocol.Grpc)]
    [InlineData(null, null, OtlpExportProtocol.Grpc)]
    [InlineData(null, "", OtlpExportProtocol.Grpc)]
    public void The_protocol_is_the_options_else_the_environments_else_grpc(OtlpExportProtocol? given, string? variable, OtlpExportProtocol expected)
    {
        var options = new ExecOtlpExporterOptions { Protocol = given };

        Assert.Equal(expected, OtlpEndpoints.Protocol(options, Environment(protocol: variable)));
    }

    [Theory]
    [InlineData("http/json")]
    [InlineData("HTTP")]
    public void A_protocol_this_exporter_does_not_speak_is_refused_by_name(string variable)
    {
        var error = Assert.Throws<ArgumentException>(() => OtlpEndpoints.Protocol(new ExecOtlpExporterOptions(), Environment(protocol: variable)));

        Assert.Contains(OtlpEndpoints.ProtocolVariable, error.Message, StringComparison.Ordinal);
        Assert.Contains(variable, error.Message, StringComparison.Ordinal);
        Assert.Contains("http/protobuf", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://given:1234", "http://env:9999", OtlpExportProtocol.Grpc, "http://given:1234/")]
    [InlineData(null, "https://env:9999/otlp", OtlpExportProtocol.Grpc, "https://env:9999/otlp")]
    [InlineData(null, null, OtlpExportProtocol.Grpc, "http://localhost:4317/")]
    [InlineData(null, "", OtlpExportProtocol.HttpProtobuf, "http://localhost:4318/")]
    public void The_base_url_is_the_options_else_the_environments_else_the_protocols_default(
        string? given, string? variable, OtlpExportProtocol protocol, string expected)
    {
        var options = new ExecOtlpExporterOptions { Endpoint = given is null ? null : new Uri(given) };

        Assert.Equal(new Uri(expected), OtlpEndpoints.Base(options, protocol, Environment(endpoint: variable)));
    }

    [Theory]
    [InlineData("http://collector:4318", "v1/logs", "http://collector:4318/v1/logs")]
    [InlineData("http://collector:4318/", "v1/traces", "http://collector:4318/v1/traces")]
    [InlineData("https://gateway/otlp", "v1/logs", "https://gateway/otlp/v1/logs")]
    [InlineData("https://gateway/otlp/", "v1/traces", "https://gateway/otlp/v1/traces")]
    public void Over_http_protobuf_the_signals_path_is_appended(string baseUrl, string signal, string expected)
    {
        Assert.Equal(new Uri(expected), OtlpEndpoints.ForSignal(new Uri(baseUrl), OtlpExportProtocol.HttpProtobuf, signal));
    }

    [Theory]
    [InlineData("http://collector:4317")]
    [InlineData("http://collector:4317/prefix/")]
    public void Over_grpc_the_base_url_is_used_as_it_is(string baseUrl)
    {
        Assert.Equal(new Uri(baseUrl), OtlpEndpoints.ForSignal(new Uri(baseUrl), OtlpExportProtocol.Grpc, "v1/logs"));
    }

    [Theory]
    [InlineData("ftp://collector:4317")]
    [InlineData("unix:///run/otel.sock")]
    [InlineData("file:///tmp/otlp")]
    public void A_given_url_that_is_not_http_is_refused(string url)
    {
        var options = new ExecOtlpExporterOptions { Endpoint = new Uri(url) };

        var error = Assert.Throws<ArgumentException>(() => OtlpEndpoints.Base(options, OtlpExportProtocol.Grpc, Environment()));
        Assert.Contains("http://", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ftp://collector:4317")]
    [InlineData("collector:4317")]
    [InlineData("not a url")]
    public void An_environment_url_that_is_not_http_is_refused_naming_the_variable(string url)
    {
        var error = Assert.Throws<ArgumentException>(
            () => OtlpEndpoints.Base(new ExecOtlpExporterOptions(), OtlpExportProtocol.Grpc, Environment(endpoint: url)));

        Assert.Contains(OtlpEndpoints.EndpointVariable, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void A_queue_size_below_1_is_refused(int size)
    {
        var options = new ExecOtlpExporterOptions { QueueSize = size, Endpoint = new Uri("http://127.0.0.1:4318"), Protocol = OtlpExportProtocol.HttpProtobuf };

        Assert.Throws<ArgumentException>(options.Validate);
    }

    [Theory]
    [InlineData("http://agent:s3cret@collector:4318/otlp?token=abc", "http://collector:4318/otlp")]
    [InlineData("https://collector:4317/", "https://collector:4317/")]
    public void A_url_is_shown_in_messages_without_what_may_be_credentials(string url, string shown)
    {
        Assert.Equal(shown, OtlpEndpoints.Shown(new Uri(url)));
    }
}
