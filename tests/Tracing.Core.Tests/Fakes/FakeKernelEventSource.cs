using Tracing.Ports;

namespace Tracing.Core.Tests.Fakes;

/// <summary>
/// An in-memory kernel: <see cref="StartAsync"/> keeps the sink, and the helpers push facts into it synchronously
/// on the caller's thread, as the real source does on its receive thread.
/// </summary>
public sealed class FakeKernelEventSource : IKernelEventSource
{
    private TaskCompletionSource _completion = CreateCompletion();
    private IKernelEventSink? _sink;

    public Task Completion => _completion.Task;

    public int StartCount { get; private set; }

    public int StopCount { get; private set; }

    public bool IsStarted => _sink is not null;

    public KernelEventInterest Interest { get; private set; }

    /// <summary>What the fake says it can deliver (an eBPF-like source sees failed execs too).</summary>
    public KernelEventInterest Supports { get; set; } = KernelEventInterest.All;

    public ValueTask StartAsync(IKernelEventSink sink, KernelEventInterest interest, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sink);
        if (_sink is not null)
        {
            throw new InvalidOperationException("The fake source is already started.");
        }

        _completion = CreateCompletion();

        // As the port promises: the sink prepares once, before the subscription opens.
        sink.Prepare();
        _sink = sink;
        Interest = interest;
        StartCount++;
        return ValueTask.CompletedTask;
    }

    public ValueTask StartAsync(IKernelEventSink sink, KernelEventInterest interest, KernelScope scope, CancellationToken cancellationToken)
    {
        Scope = scope;
        return StartAsync(sink, interest, cancellationToken);
    }

    public ValueTask StopAsync(CancellationToken cancellationToken)
    {
        StopCount++;
        _sink = null;
        _completion.TrySetResult();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => StopAsync(CancellationToken.None);

    /// <summary>A process <paramref name="parentPid"/> created process <paramref name="childPid"/>.</summary>
    public void Fork(int parentPid, int childPid, long timestampNs = 0) => Push(new KernelEvent
    {
        Kind = KernelEventKind.Fork,
        TimestampNs = timestampNs,
        Pid = childPid,
        Tgid = childPid,
        ParentPid = parentPid,
        ParentTgid = parentPid,
    });

    /// <summary>Process <paramref name="pid"/> created thread <paramref name="threadId"/>.</summary>
    public void ThreadFork(int pid, int threadId, long timestampNs = 0) => Push(new KernelEvent
    {
        Kind = KernelEventKind.Fork,
        TimestampNs = timestampNs,
        Pid = threadId,
        Tgid = pid,
        ParentPid = pid,
        ParentTgid = pid,
    });

    /// <summary>Process <paramref name="pid"/> called execve.</summary>
    /// <remarks><paramref name="forkParent"/>: the parent a source that saw the fork attaches (0: none).</remarks>
    public void Exec(int pid, long timestampNs = 0, int forkParent = 0) => Push(new KernelEvent
    {
        Kind = KernelEventKind.Exec,
        TimestampNs = timestampNs,
        Pid = pid,
        Tgid = pid,
        ParentTgid = forkParent,
    });

    /// <summary>Process <paramref name="pid"/> called execve, and the source captured <paramref name="capture"/> of it in the kernel.</summary>
    public void ExecCaptured(int pid, ExecCapture capture, int parentPid, long timestampNs = 0) => Push(new KernelEvent
    {
        Kind = KernelEventKind.Exec,
        TimestampNs = timestampNs,
        Pid = pid,
        Tgid = pid,
        ParentPid = parentPid,
        ParentTgid = parentPid,
        Capture = capture,
    });

    /// <summary>Process <paramref name="pid"/> called execve, and the source decided in the kernel that it is in scope.</summary>
    public void ExecInScope(int pid, int parentPid, long timestampNs = 0) => Push(new KernelEvent
    {
        Kind = KernelEventKind.Exec,
        TimestampNs = timestampNs,
        Pid = pid,
        Tgid = pid,
        ParentPid = parentPid,
        ParentTgid = parentPid,
        InScope = true,
    });

    /// <summary>What the tracer asked the source to decide in the kernel at its last start.</summary>
    public KernelScope? Scope { get; private set; }

    /// <summary>Process <paramref name="pid"/> called execve and it failed, as <paramref name="capture"/> says.</summary>
    public void ExecFailed(int pid, ExecCapture capture, int parentPid, long timestampNs = 0) => Push(new KernelEvent
    {
        Kind = KernelEventKind.ExecFailed,
        TimestampNs = timestampNs,
        Pid = pid,
        Tgid = pid,
        ParentPid = parentPid,
        ParentTgid = parentPid,
        Capture = capture,
    });

    /// <summary>Process <paramref name="pid"/> ended with the wait status <paramref name="status"/>.</summary>
    public void Exit(int pid, int status = 0, long timestampNs = 0, int parentPid = 0) => Push(new KernelEvent
    {
        Kind = KernelEventKind.Exit,
        TimestampNs = timestampNs,
        Pid = pid,
        Tgid = pid,
        ParentPid = parentPid,
        ParentTgid = parentPid,
        ExitCode = status,
        ExitSignal = 17,
    });

    /// <summary>Thread <paramref name="threadId"/> of process <paramref name="pid"/> ended.</summary>
    /// <remarks>The kernel reports no parent for a thread's exit; a group exit gives every thread the group's status.</remarks>
    public void ThreadExit(int pid, int threadId, long timestampNs = 0, int status = 0) => Push(new KernelEvent
    {
        Kind = KernelEventKind.Exit,
        TimestampNs = timestampNs,
        Pid = threadId,
        Tgid = pid,
        ExitCode = status,
        ExitSignal = -1,
    });

    /// <summary>The kernel dropped <paramref name="count"/> events (exactly, or at least that many).</summary>
    public void LoseEvents(long count, bool exact = true) => (_sink ?? throw NotStarted()).OnEventsLost(count, exact);

    /// <summary>The source failed: its completion faults.</summary>
    public void Fail(Exception error)
    {
        _sink = null;
        _completion.TrySetException(error);
    }

    private void Push(in KernelEvent kernelEvent) => (_sink ?? throw NotStarted()).OnEvent(kernelEvent);

    private static InvalidOperationException NotStarted() => new("The fake source is not started.");

    private static TaskCompletionSource CreateCompletion() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
