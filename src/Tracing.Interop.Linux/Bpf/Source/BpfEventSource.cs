using System.Runtime.Versioning;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Tracing.Linux.Bpf.Btf;
using Tracing.Linux.Bpf.RingBuffers;
using Tracing.Linux.Netlink;
using Tracing.Ports;
using Tracing.Sources;
using Tracing.Tracer;

namespace Tracing.Linux.Bpf.Source;

/// <summary>
/// Process facts from eBPF programs on the scheduler's exec, fork and exit tracepoints, through a ring buffer read in
/// place on a dedicated thread. An exec's argv, command name, parent, user ids and cgroup are captured in the kernel at
/// the exec (<see cref="KernelEvent.Capture"/>), so a process that ends at once loses nothing. Start fails, naming what
/// is missing (capabilities, BTF, kernel version), where the kernel cannot run it.
/// </summary>
[SupportedOSPlatform("linux")]
internal sealed partial class BpfEventSource : IKernelEventSource, IDisposable
{
    private static KernelStructLayout? s_layout;

    private readonly BpfSourceOptions _options;
    private readonly ILogger _logger;
    private readonly SourceThread _thread = new("bpf receive", "eBPF source");

    // Guards _ring, which a stop wakes while the receive thread may be opening it.
    private readonly Lock _gate = new();
    private BpfRingBuffer? _ring;
    private volatile bool _stopping;

    /// <summary>Creates the source.</summary>
    public BpfEventSource(BpfSourceOptions? options = null, ILogger<BpfEventSource>? logger = null)
    {
        _options = options ?? new BpfSourceOptions();
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <inheritdoc />
    public Task Completion => _thread.Completion;

    /// <inheritdoc />
    public KernelEventInterest Supports => KernelEventInterest.All | KernelEventInterest.FailedExec;

    /// <inheritdoc />
    /// <remarks>The events name processes by the initial PID namespace's ids, which the tracer's reads of /proc must share.</remarks>
    public void ThrowIfUnavailable() => NamespaceCheck.ThrowIfNotInitial(ExecTracingSource.Bpf);

    /// <inheritdoc />
    public ValueTask StartAsync(IKernelEventSink sink, KernelEventInterest interest, CancellationToken cancellationToken) =>
        StartAsync(sink, interest, KernelScope.Everything, cancellationToken);

    /// <inheritdoc />
    /// <remarks>A scope's unified cgroup is decided in the kernel: an exec outside it is never sent.</remarks>
    public ValueTask StartAsync(IKernelEventSink sink, KernelEventInterest interest, KernelScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(scope);
        return _thread.StartAsync(
            () => _stopping = false,
            started => Run(sink, interest, scope, started),
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
                _ring?.Wake();
            }
        },
        cleanUp: null,
        cancellationToken);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => StopAsync(CancellationToken.None);

    /// <summary>Stops synchronously, for containers disposed with <c>using</c>.</summary>
    public void Dispose() => StopAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult();
}
