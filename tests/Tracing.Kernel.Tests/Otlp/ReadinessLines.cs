namespace Tracing.Kernel.Tests.Otlp;

/// <summary>
/// The dashboard's readiness, as its log says it: "Now listening on", "OTLP/gRPC listening on" and
/// "OTLP/HTTP listening on", each with its address. True once all three are seen; false if it exits first.
/// </summary>
internal sealed class ReadinessLines(int uiPort, int grpcPort, int httpPort)
{
    private readonly TaskCompletionSource<bool> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _gate = new();
    private bool _ui;
    private bool _grpc;
    private bool _http;

    public Task<bool> Task => _ready.Task;

    public void Saw(string line)
    {
        lock (_gate)
        {
            _ui |= line.Contains($"Now listening on: http://127.0.0.1:{uiPort}", StringComparison.Ordinal);
            _grpc |= line.Contains($"OTLP/gRPC listening on: http://127.0.0.1:{grpcPort}", StringComparison.Ordinal);
            _http |= line.Contains($"OTLP/HTTP listening on: http://127.0.0.1:{httpPort}", StringComparison.Ordinal);
            if (_ui && _grpc && _http)
            {
                _ready.TrySetResult(true);
            }
        }
    }

    public void Exited() => _ready.TrySetResult(false);
}
