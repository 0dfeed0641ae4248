using OpenTelemetry.Resources;

namespace Tracing.OpenTelemetry.Export;

/// <summary>
/// The resource every record and span carries: <c>service.name</c>, <c>host.name</c>, <c>os.type</c>, the SDK's own
/// attributes, then <c>OTEL_RESOURCE_ATTRIBUTES</c> and <c>OTEL_SERVICE_NAME</c> (which win), then the options' service name.
/// </summary>
internal static class ExportResource
{
    public static ResourceBuilder Create(ExecOtlpExporterOptions options, Func<string, string?> environment)
    {
        var builder = ResourceBuilder.CreateEmpty()
            .AddService(options.DefaultServiceName)
            .AddTelemetrySdk()
            .AddAttributes(
            [
                new("host.name", Environment.MachineName),
                new("os.type", OsType()),
            ])
            .AddEnvironmentVariableDetector();
        if (environment("OTEL_SERVICE_NAME") is { Length: > 0 } fromEnvironment)
        {
            builder.AddService(fromEnvironment);
        }

        if (options.ServiceName is { Length: > 0 } given)
        {
            builder.AddService(given);
        }

        return builder;
    }

    /// <summary>The semantic conventions' <c>os.type</c>.</summary>
    private static string OsType() =>
        OperatingSystem.IsLinux() ? "linux"
        : OperatingSystem.IsMacOS() ? "darwin"
        : OperatingSystem.IsWindows() ? "windows"
        : OperatingSystem.IsFreeBSD() ? "freebsd"
        : "unknown";
}
