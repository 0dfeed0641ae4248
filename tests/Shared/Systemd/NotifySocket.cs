using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;

namespace Tracing.Tests.Systemd;

/// <summary>
/// The service manager's side of sd_notify: a datagram socket bound where <c>NOTIFY_SOCKET</c> points, which collects
/// the states a program sends. Tests wait on it for <c>READY=1</c> instead of sleeping.
/// </summary>
internal sealed class NotifySocket : IDisposable
{
    private readonly Socket _socket;
    private readonly string? _path;
    private readonly Channel<string> _incoming = Channel.CreateUnbounded<string>();
    private readonly List<string> _received = [];
    private readonly Lock _gate = new();

    private NotifySocket(Socket socket, string address, string? path)
    {
        _socket = socket;
        _path = path;
        Address = address;
        _ = ReceiveAsync();
    }

    /// <summary>The value for <c>NOTIFY_SOCKET</c>: a path, or <c>@name</c> in the abstract namespace.</summary>
    public string Address { get; }

    /// <summary>Every datagram taken so far by <see cref="WaitForAsync"/>, in order.</summary>
    public IReadOnlyList<string> Received
    {
        get
        {
            lock (_gate)
            {
                return [.. _received];
            }
        }
    }

    /// <summary>Binds a new socket: a file in the temporary folder, or a name in the abstract namespace.</summary>
    public static NotifySocket Bind(bool abstractNamespace = false)
    {
        var name = "tracing-notify-" + Guid.NewGuid().ToString("N");
        var socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        if (abstractNamespace)
        {
            socket.Bind(new UnixDomainSocketEndPoint("\0" + name));
            return new NotifySocket(socket, "@" + name, null);
        }

        var path = Path.Join(Path.GetTempPath(), name + ".sock");
        socket.Bind(new UnixDomainSocketEndPoint(path));
        return new NotifySocket(socket, path, path);
    }

    /// <summary>
    /// Takes datagrams until one has the line <paramref name="assignment"/> (such as <c>READY=1</c>) and returns it.
    /// Throws <see cref="TimeoutException"/>, naming what did arrive, after <paramref name="bound"/>, a failure bound only.
    /// </summary>
    public async Task<string> WaitForAsync(string assignment, TimeSpan bound, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(bound);
        try
        {
            while (true)
            {
                var datagram = await _incoming.Reader.ReadAsync(timeout.Token);
                lock (_gate)
                {
                    _received.Add(datagram);
                }

                if (datagram.Split('\n').Contains(assignment))
                {
                    return datagram;
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"no {assignment} on {Address} within {bound}; received: [{string.Join(" | ", Received)}]");
        }
    }

    public void Dispose()
    {
        _socket.Dispose();
        if (_path is not null)
        {
            File.Delete(_path);
        }
    }

    private async Task ReceiveAsync()
    {
        var buffer = new byte[4096];
        try
        {
            while (true)
            {
                var length = await _socket.ReceiveAsync(buffer, SocketFlags.None);
                _incoming.Writer.TryWrite(Encoding.UTF8.GetString(buffer, 0, length));
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            _incoming.Writer.TryComplete();
        }
    }
}
