using System.Diagnostics;
using System.Text.Unicode;

namespace Tracing.StormBench.Storm;

/// <summary>
/// Starts <c>/bin/true storm-RUNID-i</c> for i in [0, count) with posix_spawn, keeping <c>inFlight</c> children alive
/// at once and reaping the oldest with waitpid. The environment is empty: /bin/true needs none, and it keeps each
/// exec as cheap as the kernel allows.
/// </summary>
internal static class Spawner
{
    private static ReadOnlySpan<byte> TruePath => "/bin/true\0"u8;

    /// <param name="progress">Called with the number started so far every <paramref name="progressEvery"/> execs.</param>
    public static unsafe StormResult Run(string runId, int count, int inFlight, int progressEvery = 0, Action<int>? progress = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(inFlight, 1);
        var pids = new int[count];
        var running = new Queue<int>(inFlight);
        Span<byte> marker = stackalloc byte[128];
        byte** argv = stackalloc byte*[3];
        byte** envp = stackalloc byte*[1];
        envp[0] = null;

        var started = Stopwatch.GetTimestamp();
        fixed (byte* path = TruePath)
        fixed (byte* markerPointer = marker)
        {
            argv[0] = path;
            argv[1] = markerPointer;
            argv[2] = null;
            for (var i = 0; i < count; i++)
            {
                if (running.Count == inFlight)
                {
                    Interop.Libc.WaitPid(running.Dequeue());
                }

                if (!Utf8.TryWrite(marker, $"{Markers.Prefix(runId)}{i}\0", out _))
                {
                    throw new InvalidOperationException($"Run id '{runId}' is too long for a marker.");
                }

                var pid = Interop.Libc.PosixSpawn(path, argv, envp);
                pids[i] = pid;
                running.Enqueue(pid);
                if (progress is not null && progressEvery > 0 && (i + 1) % progressEvery == 0)
                {
                    progress(i + 1);
                }
            }

            while (running.Count > 0)
            {
                Interop.Libc.WaitPid(running.Dequeue());
            }
        }

        return new StormResult(pids, Stopwatch.GetElapsedTime(started));
    }
}
