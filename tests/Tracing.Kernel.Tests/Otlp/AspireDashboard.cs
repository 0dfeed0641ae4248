using System.Diagnostics;
using System.Reflection;
using System.Text;

namespace Tracing.Kernel.Tests.Otlp;

/// <summary>
/// A real OTLP backend: the Aspire Dashboard (NuGet package Aspire.Dashboard.Sdk.linux-x64), run as a child process
/// on three free loopback ports that it keeps across <see cref="StopAsync"/> and <see cref="StartAsync"/>, so an
/// exporter pointed at it sees the backend go down and come back at the same address.
/// </summary>
/// <remarks>
/// Use it per test (<c>await using var dashboard = await AspireDashboard.StartNewAsync();</c>): a start takes about
/// 0.3 s warm and a few seconds cold, and each test then reads only what it sent. As an xunit class fixture
/// (<see cref="IAsyncLifetime"/>) it is shared, keeps what every test of the class sent, and must not be stopped.
/// </remarks>
public sealed partial class AspireDashboard : IAsyncLifetime, IAsyncDisposable
{
    private static readonly TimeSpan s_startBound = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan s_stopBound = TimeSpan.FromSeconds(30);

    private readonly int _uiPort;
    private readonly int _grpcPort;
    private readonly int _httpPort;
    private readonly StringBuilder _output = new();
    private readonly HttpClient _api;
    private Process? _process;
    private int _runs;

    /// <summary>A dashboard on three free loopback ports, not started.</summary>
    public AspireDashboard()
    {
        (_uiPort, _grpcPort, _httpPort) = (FreePort(), FreePort(), FreePort());
        _api = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{_uiPort}/") };
    }

    /// <summary>The executable, from the NuGet packages folder the test project was restored into.</summary>
    public static string ExecutablePath { get; } =
        typeof(AspireDashboard).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "AspireDashboardPath").Value!;

    /// <summary>OTLP/gRPC, for <c>OtlpExportProtocol.Grpc</c>.</summary>
    public Uri OtlpGrpcEndpoint => new($"http://127.0.0.1:{_grpcPort}");

    /// <summary>OTLP/HTTP base address; a signal's URL adds <c>v1/logs</c> or <c>v1/traces</c>.</summary>
    public Uri OtlpHttpEndpoint => new($"http://127.0.0.1:{_httpPort}");

    /// <summary>The dashboard's own web address, which also serves the telemetry API.</summary>
    public Uri ApiEndpoint => _api.BaseAddress!;

    /// <summary>Whether the dashboard is running now.</summary>
    public bool IsRunning => _process is { HasExited: false };

    /// <summary>Everything the dashboard wrote to stdout and stderr, over all its runs: for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>A dashboard, started.</summary>
    public static async Task<AspireDashboard> StartNewAsync()
    {
        var dashboard = new AspireDashboard();
        try
        {
            await dashboard.StartAsync();
            return dashboard;
        }
        catch
        {
            await dashboard.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Starts the dashboard on its ports and returns once it says it listens on all three: the UI and API, OTLP/gRPC
    /// and OTLP/HTTP (its own log lines, written after Kestrel bound each).
    /// </summary>
    public async Task StartAsync()
    {
        if (IsRunning)
        {
            throw new InvalidOperationException("The dashboard is already running.");
        }

        var run = ++_runs;
        var ready = new ReadinessLines(_uiPort, _grpcPort, _httpPort);
        var process = new Process { StartInfo = StartInfo(), EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => OnLine(run, "out", e.Data, ready);
        process.ErrorDataReceived += (_, e) => OnLine(run, "err", e.Data, ready);
        process.Exited += (_, _) => ready.Exited();
        if (!process.Start())
        {
            throw new InvalidOperationException($"{ExecutablePath} did not start.");
        }

        _process = process;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var started = Stopwatch.StartNew();
        var outcome = await Task.WhenAny(ready.Task, Task.Delay(s_startBound));
        if (outcome != ready.Task || !await ready.Task)
        {
            await StopAsync();
            throw new InvalidOperationException(
                $"The dashboard (run {run}) was not listening on ports {_uiPort}, {_grpcPort} and {_httpPort} " +
                $"after {started.Elapsed.TotalSeconds:F1} s. Its output:\n{Output}");
        }

        StartDuration = started.Elapsed;
    }

    /// <summary>How long the last start took, from the process start to its last readiness line.</summary>
    public TimeSpan StartDuration { get; private set; }

    /// <summary>Kills the dashboard (a backend going down mid-run) and waits until it has exited. Its ports stay its own.</summary>
    public async Task StopAsync()
    {
        if (_process is not { } process)
        {
            return;
        }

        _process = null;
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        using var bound = new CancellationTokenSource(s_stopBound);
        await process.WaitForExitAsync(bound.Token);
        process.Dispose();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _api.Dispose();
    }

    /// <inheritdoc />
    Task IAsyncLifetime.InitializeAsync() => StartAsync();

    /// <inheritdoc />
    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    private void OnLine(int run, string stream, string? line, ReadinessLines ready)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Append(run).Append(' ').Append(stream).Append(": ").AppendLine(line);
        }

        ready.Saw(line);
    }
}
