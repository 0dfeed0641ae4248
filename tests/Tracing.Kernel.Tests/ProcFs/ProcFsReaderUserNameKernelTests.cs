using System.Diagnostics;
using Tracing.Linux.ProcFs;

namespace Tracing.Kernel.Tests.ProcFs;

/// <summary>
/// <see cref="ProcFsReader.TryReadUserName"/> for a process chrooted into a root of its own, with its own etc/passwd
/// and a static busybox: its uids are named as that passwd names them, not as the host's does.
/// </summary>
public sealed class ProcFsReaderUserNameKernelTests : IDisposable
{
    private const string Busybox = "/bin/busybox";
    private const uint ChrootOnlyUid = 4242;
    private static readonly TimeSpan s_bound = TimeSpan.FromSeconds(30);
    private readonly string _root = Directory.CreateTempSubdirectory("tracing-chroot-").FullName;
    private readonly ProcFsReader _reader = new();

    public ProcFsReaderUserNameKernelTests()
    {
        Assert.True(File.Exists(Busybox), $"{Busybox} is missing: apt-get install -y busybox-static");
        // Made 0700; the chrooted user must search it to exec /busybox.
        File.SetUnixFileMode(_root, (UnixFileMode)0b111_101_101);
        File.Copy(Busybox, Path.Join(_root, "busybox"));
        Directory.CreateDirectory(Path.Join(_root, "etc"));
        File.WriteAllText(Path.Join(_root, "etc", "passwd"), $"chroot-root:x:0:0::/:/busybox\nchroot-user:x:{ChrootOnlyUid}:{ChrootOnlyUid}::/:/busybox\n");
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task A_chrooted_process_s_uids_are_named_by_its_own_passwd()
    {
        using var chrooted = Process.Start(new ProcessStartInfo(
            "chroot", [$"--userspec={ChrootOnlyUid}:{ChrootOnlyUid}", _root, "/busybox", "sh", "-c", "echo ready; read x"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
        })!;
        try
        {
            using var timeout = new CancellationTokenSource(s_bound);
            Assert.Equal("ready", await chrooted.StandardOutput.ReadLineAsync(timeout.Token));

            // The kernel says which uid it runs as; the chroot's passwd, which this test wrote, says its name.
            Assert.True(_reader.TryReadCredentials(chrooted.Id, out var credentials));
            Assert.Equal(ChrootOnlyUid, credentials.RealUid);
            Assert.True(_reader.TryReadUserName(chrooted.Id, credentials.RealUid, out var name));
            Assert.Equal("chroot-user", name);
            Assert.True(_reader.TryReadUserName(chrooted.Id, 0, out var rootName));
            Assert.Equal("chroot-root", rootName);

            // The host's uid 0 is root, whatever the chroot calls it.
            Assert.True(_reader.TryReadUserName(Environment.ProcessId, 0, out var hostRoot));
            Assert.Equal("root", hostRoot);

            chrooted.StandardInput.Close();
            await chrooted.WaitForExitAsync(timeout.Token);
            Assert.False(_reader.TryReadUserName(chrooted.Id, 0, out _), "a process that is gone was read");
        }
        finally
        {
            if (!chrooted.HasExited)
            {
                chrooted.Kill();
            }
        }
    }
}
