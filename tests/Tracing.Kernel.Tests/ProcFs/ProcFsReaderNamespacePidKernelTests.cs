using System.Diagnostics;
using System.Globalization;
using Tracing.Linux.ProcFs;

namespace Tracing.Kernel.Tests.ProcFs;

/// <summary>
/// <see cref="ProcFsReader.TryReadNamespacePid"/> against real pid namespaces made by unshare(1): a namespace's first
/// process, its child, and the first process of a namespace nested in it each say their own pid (<c>$$</c>) and their
/// host pid (the first field of <c>/proc/self/stat</c>, opened by the shell itself in the host's /proc); the reader
/// must give, for the host pid, the pid the process said.
/// </summary>
public sealed class ProcFsReaderNamespacePidKernelTests : IDisposable
{
    private static readonly TimeSpan s_bound = TimeSpan.FromSeconds(30);

    // $1 says the level; each level prints "level $$ hostpid" and starts the next; the last holds all until stdin ends.
    private const string Script = """
        read h rest < /proc/self/stat
        echo "$1 $$ $h"
        case "$1" in
          init) /bin/sh "$0" child ;;
          child) unshare --pid --fork /bin/sh "$0" nested ;;
          nested) read x ;;
        esac
        true
        """;

    private readonly string _script = Path.Join(Path.GetTempPath(), $"tracing-nspid-{Guid.NewGuid():N}.sh");
    private readonly ProcFsReader _reader = new();

    public ProcFsReaderNamespacePidKernelTests() => File.WriteAllText(_script, Script);

    public void Dispose() => File.Delete(_script);

    [Fact]
    public async Task Each_process_is_given_the_pid_it_sees_in_its_own_namespace()
    {
        using var unshare = Process.Start(new ProcessStartInfo("unshare", ["--pid", "--fork", "/bin/sh", _script, "init"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
        })!;
        try
        {
            var reported = new Dictionary<string, (int NamespacePid, int HostPid)>();
            using var timeout = new CancellationTokenSource(s_bound);
            while (reported.Count < 3)
            {
                var line = await unshare.StandardOutput.ReadLineAsync(timeout.Token) ?? throw new EndOfStreamException("the script ended early");
                var fields = line.Split(' ');
                reported[fields[0]] = (int.Parse(fields[1], CultureInfo.InvariantCulture), int.Parse(fields[2], CultureInfo.InvariantCulture));
            }

            foreach (var (level, (namespacePid, hostPid)) in reported)
            {
                Assert.True(_reader.TryReadNamespacePid(hostPid, out var read), $"{level}: host pid {hostPid} not read");
                Assert.Equal((level, namespacePid), (level, read));
                Assert.NotEqual(hostPid, read);
            }

            // The first process of each namespace says it is 1; the child is another pid of the first namespace.
            Assert.Equal(1, reported["init"].NamespacePid);
            Assert.Equal(1, reported["nested"].NamespacePid);

            // Host processes: unshare itself, and this one.
            Assert.True(_reader.TryReadNamespacePid(unshare.Id, out var unsharePid));
            Assert.Equal(unshare.Id, unsharePid);
            Assert.True(_reader.TryReadNamespacePid(Environment.ProcessId, out var ownPid));
            Assert.Equal(Environment.ProcessId, ownPid);

            unshare.StandardInput.Close();
            await unshare.WaitForExitAsync(timeout.Token);
            Assert.False(_reader.TryReadNamespacePid(reported["nested"].HostPid, out _), "a process that is gone was read");
        }
        finally
        {
            if (!unshare.HasExited)
            {
                unshare.Kill(entireProcessTree: true);
            }
        }
    }
}
