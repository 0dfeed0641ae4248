using System.Globalization;
using System.Text;

namespace Tracing.Linux.Tests.ProcFs;

/// <summary>A temporary directory shaped like /proc: one directory per pid, files and links written by the test.</summary>
internal sealed class FakeProcRoot : IDisposable
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

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
