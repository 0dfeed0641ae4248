using Tracing.Linux.CnProc;
using static Interop.Libc;

namespace Tracing.Linux.Netlink;

/// <summary>
/// A <c>NETLINK_CONNECTOR</c> socket bound to the proc connector's multicast group, with an eventfd that
/// wakes a blocked receive at once when the tracer stops.
/// </summary>
internal sealed class ProcConnectorSocket : IDisposable
{
    private readonly SafeFileDescriptor _socket;
    private readonly SafeFileDescriptor _wakeup;

    private ProcConnectorSocket(SafeFileDescriptor socket, SafeFileDescriptor wakeup)
    {
        _socket = socket;
        _wakeup = wakeup;
    }

    /// <summary>The receive buffer size the kernel granted, in bytes (0 when the request was refused).</summary>
    public int ReceiveBufferBytes { get; private set; }

    /// <summary>Opens, sizes and binds the socket.</summary>
    public static ProcConnectorSocket Open(int receiveBufferBytes)
    {
        var errno = Socket(AF_NETLINK, SOCK_DGRAM | SOCK_CLOEXEC, NETLINK_CONNECTOR, out var socket);
        if (errno != 0)
        {
            socket.Dispose();
            throw Interop.GetExceptionForProcConnectorErrno(errno, "Opening a NETLINK_CONNECTOR socket");
        }

        errno = EventFd(EFD_CLOEXEC | EFD_NONBLOCK, out var wakeup);
        var result = new ProcConnectorSocket(socket, wakeup);
        try
        {
            Interop.ThrowIfError(errno, "Creating an eventfd");
            result.SetReceiveBuffer(receiveBufferBytes);
            var address = new SockAddrNetlink { nl_family = AF_NETLINK, nl_pid = 0, nl_groups = CnProcSubscription.CnIdxProc };
            Interop.ThrowIfProcConnectorError(Bind(socket, address), "Binding to the proc connector group");
            return result;
        }
        catch
        {
            result.Dispose();
            throw;
        }
    }

    /// <summary>Asks for a receive buffer of this size; <see cref="ReceiveBufferBytes"/> says whether it was granted.</summary>
    public void SetReceiveBuffer(int bytes)
    {
        if (bytes <= 0)
        {
            return;
        }

        // SO_RCVBUFFORCE (CAP_NET_ADMIN) may exceed net.core.rmem_max; SO_RCVBUF is capped by it.
        var granted = SetSockOpt(_socket, SOL_SOCKET, SO_RCVBUFFORCE, bytes) == 0
            || SetSockOpt(_socket, SOL_SOCKET, SO_RCVBUF, bytes) == 0;
        ReceiveBufferBytes = granted ? bytes : 0;
    }

    /// <summary>Attaches a classic BPF filter to the socket; false when the kernel refuses it.</summary>
    public bool TryAttachFilter(ReadOnlySpan<SockFilter> program) => AttachFilter(_socket, program) == 0;

    /// <summary>Sends one datagram to the kernel.</summary>
    public void Send(ReadOnlySpan<byte> datagram, string operation) =>
        Interop.ThrowIfProcConnectorError(Interop.Libc.Send(_socket, datagram), operation);

    /// <summary>
    /// Receives one datagram, waiting at most <paramref name="timeoutMs"/> (-1: no limit; 0: not at all) or until <see cref="Wake"/>.
    /// </summary>
    public ReceiveStatus Receive(Span<byte> buffer, int timeoutMs, out int length)
    {
        while (true)
        {
            var status = Classify(RecvNonBlocking(_socket, buffer, out length));
            if (status != ReceiveStatus.Timeout || timeoutMs == 0)
            {
                // A datagram, an overflow, or drained without leave to wait (a poll would only say so again).
                return status;
            }

            status = Wait(timeoutMs);
            if (status != ReceiveStatus.Datagram)
            {
                return status;
            }
        }
    }

    /// <summary>
    /// Receives every queued datagram into <paramref name="batch"/> with one syscall. With <paramref name="wait"/> it
    /// first blocks until there is something (or <see cref="Wake"/>); without, it returns
    /// <see cref="ReceiveStatus.Timeout"/> at once when the socket is drained.
    /// </summary>
    public ReceiveStatus ReceiveBatch(DatagramBatch batch, bool wait)
    {
        if (wait && Wait(-1) == ReceiveStatus.Woken)
        {
            return ReceiveStatus.Woken;
        }

        var errno = batch.Receive(_socket);
        return errno == 0 && batch.Count == 0 ? ReceiveStatus.Timeout : Classify(errno);
    }

    /// <summary>
    /// Reads the kernel's count of datagrams it dropped for this socket (cumulative, wraps at 2^32); null when the kernel
    /// cannot say (before Linux 4.12). Netlink sockets give no <c>SO_RXQ_OVFL</c> ancillary data; this is the same counter.
    /// </summary>
    public uint? ReadDrops() => GetSocketDrops(_socket, out var drops) == 0 ? drops : null;

    /// <summary>Wakes a thread blocked in a receive; it and every later wait return <see cref="ReceiveStatus.Woken"/>.</summary>
    public void Wake()
    {
        Span<byte> one = stackalloc byte[sizeof(ulong)];
        one[0] = 1;
        _ = Write(_wakeup, one, out _);
    }

    public void Dispose()
    {
        _socket.Dispose();
        _wakeup.Dispose();
    }

    /// <summary>What a non-blocking receive's errno means: a datagram (0), nothing queued (EAGAIN), or an overflow.</summary>
    private static ReceiveStatus Classify(int errno) => errno switch
    {
        0 => ReceiveStatus.Datagram,
        Interop.Errno.EAGAIN => ReceiveStatus.Timeout,
        Interop.Errno.ENOBUFS => ReceiveStatus.Overflow,
        _ => throw Interop.GetExceptionForProcConnectorErrno(errno, "Receiving from the proc connector"),
    };

    /// <summary>Blocks until the socket has something (<see cref="ReceiveStatus.Datagram"/>), a wake, or the timeout.</summary>
    private ReceiveStatus Wait(int timeoutMs)
    {
        Span<short> returned = stackalloc short[2];
        var errno = Poll([_socket, _wakeup], POLLIN, returned, timeoutMs, out var ready);
        Interop.ThrowIfError(errno, "Waiting on the proc connector");
        return (returned[1] & POLLIN) != 0 ? ReceiveStatus.Woken
            : ready == 0 ? ReceiveStatus.Timeout
            : ReceiveStatus.Datagram;
    }
}
