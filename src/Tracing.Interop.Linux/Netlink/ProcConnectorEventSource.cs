using System.Runtime.Versioning;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Tracing.Ports;
using Tracing.Sources;

namespace Tracing.Linux.Netlink;

/// <summary>
/// Process facts from the Linux proc connector (netlink <c>NETLINK_CONNECTOR</c>, cn_proc), received on a
/// dedicated thread. Start waits for the kernel to confirm the subscription and fails clearly without it.
/// </summary>
[SupportedOSPlatform("linux")]
internal sealed partial class ProcConnectorEventSource : IKernelEventSource, IDisposable
{
    private const int HandshakeReceiveBufferBytes = 1024 * 1024;
    private readonly ProcConnectorOptions _options;
    private readonly ILogger _logger;
    private readonly SourceThread _thread = new("cn_proc receive", "proc connector source");

    // Guards _socket, which a stop wakes while the receive thread may be opening it.
    private readonly Lock _gate = new();
    private ProcConnectorSocket? _socket;
    private volatile bool _stopping;

    /// <summary>Creates the source.</summary>
    public ProcConnectorEventSource(ProcConnectorOptions? options = null, ILogger<ProcConnectorEventSource>? logger = null)
    {
        _options = options ?? new ProcConnectorOptions();
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <inheritdoc />
    public Task Completion => _thread.Completion;

    /// <inheritdoc />
    /// <remarks>Outside the initial PID or user namespace the kernel ignores the subscription: said before anything else.</remarks>
    public void ThrowIfUnavailable() => NamespaceCheck.ThrowIfNotInitial();

    /// <summary>True when the kernel filters events for this socket (Linux 6.6 and later honour the request).</summary>
    public bool KernelFilterRequested { get; private set; }

    /// <summary>The kernel id of the receive thread once started: the sender of the COMM events that prime the gap counter.</summary>
    internal int ReceiveThreadId { get; private set; }

    /// <inheritdoc />
    public ValueTask StartAsync(IKernelEventSink sink, KernelEventInterest interest, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sink);

        // The facts only: the pace (Prompt) is what it does anyway, and failed execs it cannot see.
        interest &= KernelEventInterest.All;
        return _thread.StartAsync(
            () => _stopping = false,
            started => Run(sink, interest, started),
            () => StopAsync(CancellationToken.None),
            cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask StopAsync(CancellationToken cancellationToken) => _thread.StopAsync(
        () =>
        {
            _stopping = true;
            lock (_gate)
            {
                _socket?.Wake();
            }
        },
        cleanUp: null,
        cancellationToken);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => StopAsync(CancellationToken.None);

    /// <summary>Stops synchronously, for containers disposed with <c>using</c>.</summary>
    public void Dispose() => StopAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult();
}
