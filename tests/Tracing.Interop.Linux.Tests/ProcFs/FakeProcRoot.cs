using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Tracing.Linux.Tests.ProcFs;

/// <summary>A temporary directory shaped like /proc: one directory per pid, files and links written by the test.</summary>
internal sealed partial class FakeProcRoot : IDisposable
{
    public FakeProcRoot() => Path = Directory.CreateTempSubdirectory("fake-proc-").FullName;

    public string Path { get; }

    public string PidDirectory(int pid) =>
        Directory.CreateDirectory(System.IO.Path.Join(Path, pid.ToString(CultureInfo.InvariantCulture))).FullName;

    public string WriteFile(int pid, string name, string content) => WriteFile(pid, name, Encoding.UTF8.GetBytes(content));

    public string WriteFile(int pid, string name, byte[] content)
    {
        var file = System.IO.Path.Join(PidDirectory(pid), name);
        File.WriteAllBytes(file, content);
        return file;
    }

    public void Link(int pid, string name, string target) =>
        File.CreateSymbolicLink(System.IO.Path.Join(PidDirectory(pid), name), target);

    /// <summary>A link whose target is any bytes, not valid UTF-8 included (a .NET string cannot carry those).</summary>
    public void Link(int pid, string name, byte[] target)
    {
        var link = Encoding.UTF8.GetBytes(System.IO.Path.Join(PidDirectory(pid), name) + "\0");
        if (SymLink([.. target, 0], link) != 0)
        {
            throw new IOException($"symlink failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);

    [LibraryImport("libc.so.6", EntryPoint = "symlink", SetLastError = true)]
    private static partial int SymLink(byte[] target, byte[] linkPath);
}
