using System.Runtime.Versioning;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Tracing.Linux.Netlink;
using Tracing.Ports;
using Tracing.Tracer;

namespace Tracing.Linux.Bpf.Source;

/// <summary>
/// Linux's kernel event source as <see cref="ExecTracingOptions.Source"/> chose it: eBPF, the proc connector, or
/// (<see cref="ExecTracingSource.Auto"/>) eBPF when it starts and otherwise the proc connector, said once in the log with
/// the reason. Failed execs need eBPF: asked for them, a start that cannot have it fails, saying why.
/// </summary>
[SupportedOSPlatform("linux")]
internal sealed class SelectedEventSource : IKernelEventSource, IDisposable
{
    private readonly ExecTracingSource _choice;
    private readonly Func<IKernelEventSource> _bpf;
    private readonly Func<IKernelEventSource> _procConnector;
    private readonly ILogger _logger;
    private readonly TaskCompletionSource _idle = new();
    private IKernelEventSource? _active;

    /// <summary>Creates the source; the two sources are made when a start needs them.</summary>
    public SelectedEventSource(ExecTracingSource choice, Func<IKernelEventSource> bpf, Func<IKernelEventSource> procConnector, ILogger<SelectedEventSource>? logger = null)
    {
        _choice = choice;
        _bpf = bpf;
        _procConnector = procConnector;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _idle.SetResult();
    }

    /// <summary>The source the last start took; null before one.</summary>
    public IKernelEventSource? Active => _active;

    /// <inheritdoc />
    public Task Completion => _active?.Completion ?? _idle.Task;

    /// <inheritdoc />
    public KernelEventInterest Supports => _choice == ExecTracingSource.ProcConnector
        ? KernelEventInterest.All
        : KernelEventInterest.All | KernelEventInterest.FailedExec;

    /// <inheritdoc />
    public void ThrowIfUnavailable() => NamespaceCheck.ThrowIfNotInitial(_choice);

    /// <inheritdoc />
    public ValueTask StartAsync(IKernelEventSink sink, KernelEventInterest interest, CancellationToken cancellationToken) =>
        StartAsync(sink, interest, KernelScope.Everything, cancellationToken);

    /// <inheritdoc />
    public async ValueTask StartAsync(IKernelEventSink sink, KernelEventInterest interest, KernelScope scope, CancellationToken cancellationToken)
    {
        if (_choice == ExecTracingSource.ProcConnector)
        {
            await StartWith(_procConnector, sink, interest, scope, cancellationToken).ConfigureAwait(false);
            return;
        }

        try
        {
            await StartWith(_bpf, sink, interest, scope, cancellationToken).ConfigureAwait(false);
            Log.SourceChosen(_logger, _choice == ExecTracingSource.Auto ? "the kernel and privileges allow it" : "asked for");
        }
        catch (TracingUnavailableException e) when (_choice == ExecTracingSource.Auto && !interest.HasFlag(KernelEventInterest.FailedExec))
        {
            Log.FellBack(_logger, e.Message);
            await StartWith(_procConnector, sink, interest, scope, cancellationToken).ConfigureAwait(false);
        }
        catch (TracingUnavailableException e) when (_choice == ExecTracingSource.Auto)
        {
            throw new TracingUnavailableException(
                "Failed execs need the eBPF source, and it cannot start here; the proc connector does not see an exec that fails. " + e.Message, e);
        }
    }

    /// <inheritdoc />
    public ValueTask StopAsync(CancellationToken cancellationToken) => _active?.StopAsync(cancellationToken) ?? ValueTask.CompletedTask;

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_active is { } active)
        {
            await active.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Stops synchronously, for containers disposed with <c>using</c>.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private async ValueTask StartWith(Func<IKernelEventSource> create, IKernelEventSink sink, KernelEventInterest interest, KernelScope scope, CancellationToken cancellationToken)
    {
        var source = create();
        if (!ReferenceEquals(source, _active) && _active is { } previous)
        {
            await previous.DisposeAsync().ConfigureAwait(false);
        }

        _active = source;
        await source.StartAsync(sink, interest, scope, cancellationToken).ConfigureAwait(false);
    }
}
