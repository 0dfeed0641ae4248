using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Tracing.StormBench.Otlp;

/// <summary>
/// A null OTLP/HTTP collector for the whole run: a raw-socket HTTP/1.1 server on 127.0.0.1 that takes
/// <c>POST /v1/logs</c> and <c>POST /v1/traces</c>, counts requests and body bytes per signal, parses nothing of the
/// protobuf, and answers 200 with an empty <c>application/x-protobuf</c> body. Blocking sockets, a thread per
/// connection (the exporter keeps one or two alive): nothing runs between requests. It shares the machine's cores with
/// the tracer, so its own CPU time is measured (<see cref="CpuSeconds"/>) and reported apart.
/// </summary>
internal sealed class NullOtlpReceiver : IDisposable
{
    private readonly Socket _listener;
    private readonly Thread _acceptor;
    private readonly ConcurrentDictionary<int, Socket> _connections = new();
    private readonly ConcurrentDictionary<int, int> _threads = new(); // managed id → tid
    private long _endedThreadsNs;
    private long _logRequests;
    private long _logBytes;
    private long _traceRequests;
    private long _traceBytes;
    private long _otherRequests;
    private int _disposed;

    public NullOtlpReceiver()
    {
        _listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _listener.Listen(16);
        Endpoint = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndPoint!).Port}"));
        _acceptor = new Thread(Accept) { IsBackground = true, Name = "otlp accept" };
        _acceptor.Start();
    }

    /// <summary>The base URL to give the exporter (it appends <c>/v1/logs</c> and <c>/v1/traces</c>).</summary>
    public Uri Endpoint { get; }

    public OtlpCounts Counts => new(
        Interlocked.Read(ref _logRequests), Interlocked.Read(ref _logBytes),
        Interlocked.Read(ref _traceRequests), Interlocked.Read(ref _traceBytes), Interlocked.Read(ref _otherRequests));

    /// <summary>CPU time of the receiver's threads, live and ended, from their <c>schedstat</c> (nanoseconds).</summary>
    public double CpuSeconds()
    {
        var ns = Interlocked.Read(ref _endedThreadsNs);
        foreach (var tid in _threads.Values)
        {
            ns += ThreadCpuNs($"/proc/self/task/{tid}/schedstat");
        }

        return ns / 1e9;
    }

    /// <summary>Counts one request; called by the connections.</summary>
    internal void Add(string path, long bodyBytes)
    {
        switch (path)
        {
            case "/v1/logs":
                Interlocked.Increment(ref _logRequests);
                Interlocked.Add(ref _logBytes, bodyBytes);
                break;
            case "/v1/traces":
                Interlocked.Increment(ref _traceRequests);
                Interlocked.Add(ref _traceBytes, bodyBytes);
                break;
            default:
                Interlocked.Increment(ref _otherRequests);
                break;
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _listener.Dispose();
        foreach (var connection in _connections.Values)
        {
            connection.Dispose();
        }
    }

    private void Accept()
    {
        Register();
        try
        {
            while (Volatile.Read(ref _disposed) == 0)
            {
                var socket = _listener.Accept();
                socket.NoDelay = true;
                var thread = new Thread(() => Serve(socket)) { IsBackground = true, Name = "otlp connection" };
                thread.Start();
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // Disposed.
        }
        finally
        {
            Unregister();
        }
    }

    private void Serve(Socket socket)
    {
        Register();
        _connections[Environment.CurrentManagedThreadId] = socket;
        try
        {
            new OtlpConnection(socket, this).Serve();
        }
        finally
        {
            _connections.TryRemove(Environment.CurrentManagedThreadId, out _);
            socket.Dispose();
            Unregister();
        }
    }

    /// <summary>This thread's tid, from /proc/thread-self (→ PID/task/TID), so others can read its schedstat.</summary>
    private void Register()
    {
        var target = new FileInfo("/proc/thread-self").LinkTarget ?? string.Empty;
        if (int.TryParse(target[(target.LastIndexOf('/') + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var tid))
        {
            _threads[Environment.CurrentManagedThreadId] = tid;
        }
    }

    /// <summary>An ending thread hands its CPU time over to the ended threads' total.</summary>
    private void Unregister()
    {
        if (_threads.TryRemove(Environment.CurrentManagedThreadId, out _))
        {
            Interlocked.Add(ref _endedThreadsNs, ThreadCpuNs("/proc/thread-self/schedstat"));
        }
    }

    private static long ThreadCpuNs(string schedstat)
    {
        try
        {
            var text = File.ReadAllText(schedstat);
            var end = text.IndexOf(' ', StringComparison.Ordinal);
            return end > 0 && long.TryParse(text.AsSpan(0, end), CultureInfo.InvariantCulture, out var ns) ? ns : 0;
        }
        catch (IOException)
        {
            return 0; // Ended between listing and reading: it hands its time over as it ends.
        }
    }
}
