using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Tracing.Kernel.Tests.Otlp;

// How the dashboard is started: its environment and its ports.
public sealed partial class AspireDashboard
{
    private ProcessStartInfo StartInfo()
    {
        var info = new ProcessStartInfo(ExecutablePath)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = Path.GetDirectoryName(ExecutablePath)!,
        };
        info.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{_uiPort}";
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL"] = $"http://127.0.0.1:{_grpcPort}";
        info.Environment["ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL"] = $"http://127.0.0.1:{_httpPort}";
        info.Environment["ASPIRE_DASHBOARD_UNSECURED_ALLOW_ANONYMOUS"] = "true";

        // Version 13.6.5 keeps 100,000 log records by default and drops the oldest beyond (measured); raised, a
        // test's whole run is kept, and the API gives back all of it (120,000 records read back in one call).
        info.Environment["Dashboard__TelemetryLimits__MaxLogCount"] = "1000000";
        info.Environment["Dashboard__TelemetryLimits__MaxTraceCount"] = "1000000";
        info.Environment["Dashboard__TelemetryLimits__MaxAttributeCount"] = "10000";
        return info;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
