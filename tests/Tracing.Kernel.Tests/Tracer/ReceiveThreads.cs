namespace Tracing.Kernel.Tests.Tracer;

/// <summary>The proc connector source's receive threads in this process, from /proc/self/task/*/comm.</summary>
internal static class ReceiveThreads
{
    // The proc connector's and the eBPF source's.
    private static readonly string[] s_names = ["cn_proc receive", "bpf receive"];

    public static int Count()
    {
        var count = 0;
        foreach (var task in Directory.EnumerateDirectories("/proc/self/task"))
        {
            try
            {
                if (s_names.Contains(File.ReadAllText(Path.Join(task, "comm")).TrimEnd('\n')))
                {
                    count++;
                }
            }
            catch (IOException)
            {
                // The thread ended between the listing and the read.
            }
        }

        return count;
    }

    /// <summary>
    /// The count once it is <paramref name="expected"/>, or after 30 s. A thread that ended is gone from /proc/self/task
    /// only once the kernel reaped it, a moment after it returned, and nothing signals that: a bounded poll.
    /// </summary>
    public static async Task<int> WaitForAsync(int expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (Count() != expected && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }

        return Count();
    }
}
