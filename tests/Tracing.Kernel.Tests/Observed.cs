using System.Diagnostics;
using System.Globalization;

namespace Tracing.Kernel.Tests;

/// <summary>
/// What was observed so far, in order, and waits that wake on each new item, not on a clock: the bound a wait takes
/// only ends it in failure. Conditions are checked on the waiting side, so that the thread adding (a receive thread,
/// a subscriber callback) is never slowed by them.
/// </summary>
internal sealed class Observed<T>
{
    private readonly Lock _gate = new();
    private readonly List<T> _items = [];
    private TaskCompletionSource _changed = NewSignal();

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _items.Count;
            }
        }
    }

    public void Add(T item)
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            _items.Add(item);
            changed = _changed;
            _changed = NewSignal();
        }

        changed.SetResult();
    }

    /// <summary>A copy of what was observed so far.</summary>
    public T[] Snapshot()
    {
        lock (_gate)
        {
            return [.. _items];
        }
    }

    /// <summary>The first item that matches, as soon as it is observed; <see cref="TimeoutException"/> past <paramref name="bound"/>.</summary>
    public async Task<T> FirstAsync(Func<T, bool> predicate, TimeSpan bound, CancellationToken cancellationToken = default)
    {
        var start = Stopwatch.GetTimestamp();
        var next = 0;
        while (true)
        {
            List<T> fresh;
            Task changed;
            lock (_gate)
            {
                fresh = _items.GetRange(next, _items.Count - next);
                next = _items.Count;
                changed = _changed.Task;
            }

            foreach (var item in fresh)
            {
                if (predicate(item))
                {
                    return item;
                }
            }

            await changed.WaitAsync(Remaining(start, bound), cancellationToken);
        }
    }

    /// <summary>Waits until <paramref name="condition"/> holds of everything observed, checking it after each change.</summary>
    public async Task UntilAsync(Func<IReadOnlyList<T>, bool> condition, TimeSpan bound, CancellationToken cancellationToken = default)
    {
        var start = Stopwatch.GetTimestamp();
        while (true)
        {
            T[] all;
            Task changed;
            lock (_gate)
            {
                all = [.. _items];
                changed = _changed.Task;
            }

            if (condition(all))
            {
                return;
            }

            await changed.WaitAsync(Remaining(start, bound), cancellationToken);
        }
    }

    private static TimeSpan Remaining(long start, TimeSpan bound)
    {
        var left = bound - Stopwatch.GetElapsedTime(start);
        return left > TimeSpan.Zero ? left : throw new TimeoutException(string.Create(CultureInfo.InvariantCulture, $"nothing matched within {bound.TotalSeconds:0} s"));
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
