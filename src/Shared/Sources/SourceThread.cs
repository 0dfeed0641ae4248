namespace Tracing.Sources;

/// <summary>
/// The life of an event source's dedicated thread, shared by the platform sources (linked into each interop
/// assembly): one thread at a time; a start that returns once the thread says it is running, or throws what kept it
/// from running (and then stops it); a stop that asks the thread to end, waits for it, and leaves the source
/// restartable. The thread's body reports its end with <see cref="Complete"/>.
/// </summary>
internal sealed class SourceThread(string name, string description)
{
    private readonly Lock _gate = new();
    private TaskCompletionSource _completion = CompletedSource();
    private Thread? _thread;

    /// <summary>Completes when the thread ends; faults with what ended it.</summary>
    public Task Completion => _completion.Task;

    /// <summary>
    /// Starts <paramref name="body"/> on a new thread and waits until it sets its <c>started</c> source.
    /// <paramref name="prepare"/> runs first, under the lifecycle lock, to reset what the body reads (a stop flag).
    /// </summary>
    /// <exception cref="InvalidOperationException">The thread is already running.</exception>
    public async ValueTask StartAsync(Action prepare, Action<TaskCompletionSource> body, Func<ValueTask> stop, CancellationToken cancellationToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (_thread is not null)
            {
                throw new InvalidOperationException($"The {description} is already started.");
            }

            prepare();
            _completion = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _thread = new Thread(() => body(started))
            {
                IsBackground = true,
                Name = name,
            };
            _thread.Start();
        }

        try
        {
            await started.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await stop().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// When the thread runs: <paramref name="requestStop"/> (under the lifecycle lock) tells it to end; then waits for
    /// its completion (its failure is the completion's to report, not the stop's) and <paramref name="cleanUp"/> runs.
    /// </summary>
    public async ValueTask StopAsync(Action requestStop, Action? cleanUp, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_thread is null)
            {
                return;
            }

            requestStop();
        }

        try
        {
            await _completion.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The failure is the completion's to report; stopping itself succeeded.
        }

        lock (_gate)
        {
            _thread = null;
            cleanUp?.Invoke();
        }
    }

    /// <summary>Called by the thread's body as its last act: null when it ended cleanly, else what ended it.</summary>
    public void Complete(Exception? failure = null)
    {
        if (failure is null)
        {
            _completion.TrySetResult();
        }
        else
        {
            _completion.TrySetException(failure);
        }
    }

    private static TaskCompletionSource CompletedSource()
    {
        var source = new TaskCompletionSource();
        source.SetResult();
        return source;
    }
}
