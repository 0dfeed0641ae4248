using OpenTelemetry.Exporter;

namespace Tracing.Kernel.Tests.Otlp;

/// <summary>Points the OpenTelemetry SDK's OTLP exporter at a dashboard.</summary>
internal static class OtlpEndpoints
{
    /// <summary>
    /// The exporter's endpoint for <paramref name="signal"/> ("logs", "traces"): the gRPC address, or the signal's
    /// full OTLP/HTTP URL, since an Endpoint set in code is used as it is for http/protobuf (no /v1/... added).
    /// </summary>
    public static void Point(this OtlpExporterOptions options, AspireDashboard dashboard, OtlpExportProtocol protocol, string signal)
    {
        options.Protocol = protocol;
        options.Endpoint = protocol == OtlpExportProtocol.Grpc
            ? dashboard.OtlpGrpcEndpoint
            : new Uri(dashboard.OtlpHttpEndpoint, $"v1/{signal}");
    }
}
