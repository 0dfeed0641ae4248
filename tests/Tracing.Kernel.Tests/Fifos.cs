using System.Diagnostics;

namespace Tracing.Kernel.Tests;

/// <summary>
/// Named pipes in a folder of their own. A process that reads one (<c>read go &lt; fifo</c>) lives until the test
/// writes it a line; the test's open for writing returns only once the reader has the pipe open: a signal that the
/// process has started reading, with no clock involved.
/// </summary>
internal sealed class Fifos : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("tracing-fifo-").FullName;
    private readonly List<(string Path, Task Open)> _opens = [];

    public string PathOf(string name) => Path.Join(_directory, name);

    /// <summary>Makes the FIFO <paramref name="name"/> and returns its path.</summary>
    public string Make(string name)
    {
        var path = PathOf(name);
        using var mkfifo = Process.Start(new ProcessStartInfo("/usr/bin/mkfifo", [path]))!;
        mkfifo.WaitForExit();
        return mkfifo.ExitCode == 0 ? path : throw new IOException($"mkfifo {path} failed with {mkfifo.ExitCode}");
    }

    /// <summary>Opens <paramref name="path"/> for writing once a reader has it open; fails past <paramref name="bound"/>.</summary>
    public async Task<StreamWriter> OpenAsync(string path, TimeSpan bound)
    {
        var open = Task.Run(() => new StreamWriter(new FileStream(path, FileMode.Open, FileAccess.Write)) { AutoFlush = true });
        lock (_opens)
        {
            _opens.Add((path, open));
        }

        return await open.WaitAsync(bound);
    }

    /// <summary>Lets the reader of <paramref name="path"/> go on: one line, then end of file.</summary>
    public async Task ReleaseAsync(string path, TimeSpan bound)
    {
        await using var writer = await OpenAsync(path, bound);
        await writer.WriteLineAsync("go");
    }

    public void Dispose()
    {
        // An open still blocked (its reader never came: the test failed) is unblocked by a reader of our own; Linux
        // opens a FIFO for reading and writing at once, without waiting for anyone.
        lock (_opens)
        {
            foreach (var (path, open) in _opens.Where(o => !o.Open.IsCompleted))
            {
                using var reader = new FileStream(path, FileMode.Open, FileAccess.ReadWrite);
            }
        }

        Directory.Delete(_directory, recursive: true);
    }
}
