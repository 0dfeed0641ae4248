using System.Net.Sockets;
using Tracing.Linux.Containers;

namespace Tracing.Linux.Tests.Containers;

/// <summary>A temporary folder for a test's engine sockets, and clients that ask only there.</summary>
public abstract class EngineTestDirectory : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("engine-").FullName;

    public void Dispose()
    {
        Directory.Delete(_directory, recursive: true);
        GC.SuppressFinalize(this);
    }

    private protected string SocketPath(string name) => Path.Join(_directory, name);

    /// <summary>A socket file that nobody listens on: bound, then closed.</summary>
    private protected string DeadSocket(string name)
    {
        var path = SocketPath(name);
        using (var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified))
        {
            // .NET unlinks the path a socket bound when it closes it; the file under another name stays.
            socket.Bind(new UnixDomainSocketEndPoint(path + ".bound"));
            File.Move(path + ".bound", path);
        }

        return path;
    }

    /// <summary>A client with no DOCKER_HOST (unless given) whose default sockets are the given paths.</summary>
    private protected static DockerEngineClient Client(
        string? socket = null, string? dockerHost = null, IReadOnlyList<string>? defaults = null, TimeSpan? timeout = null) =>
        new(
            new ContainerEngineOptions { Socket = socket, Timeout = timeout ?? TimeSpan.FromSeconds(5) },
            name => name == ContainerEngineSockets.DockerHostVariable ? dockerHost : null,
            defaults ?? []);
}
