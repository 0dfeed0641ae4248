using Tracing.Interop.Linux.Interop;
using static Interop.Libc;

namespace Tracing.Interop.Linux.Netlink;

/// <summary>
/// A <c>NETLINK_CONNECTOR</c> socket bound to the proc connector's multicast group, with an eventfd that
/// wakes a blocked receive at once when the tracer stops.
/// </summary>
internal sealed class ProcConnectorSocket : IDisposable
{
    private const uint CnIdxProc = 1;
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
        var fd = Socket(AF_NETLINK, SOCK_DGRAM | SOCK_CLOEXEC, NETLINK_CONNECTOR, out var errno);
        if (fd < 0)
        {
            throw global::Interop.GetExceptionForErrno(errno, "Opening a NETLINK_CONNECTOR socket");
        }

        var socket = new SafeFileDescriptor(fd);
        try
        {
            var wakeupFd = EventFd(EFD_CLOEXEC | EFD_NONBLOCK, out errno);
            if (wakeupFd < 0)
            {
                throw global::Interop.GetExceptionForErrno(errno, "Creating an eventfd");
            }

            var result = new ProcConnectorSocket(socket, new SafeFileDescriptor(wakeupFd));
            result.SetReceiveBuffer(receiveBufferBytes);

            var address = new SockAddrNetlink { nl_family = AF_NETLINK, nl_pid = 0, nl_groups = CnIdxProc };
            errno = Bind(fd, address);
            if (errno != 0)
            {
                result.Dispose();
                throw global::Interop.GetExceptionForErrno(errno, "Binding to the proc connector group");
            }

            return result;
        }
        catch
        {
            socket.Dispose();
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
        var granted = SetSockOpt(_socket.Fd, SOL_SOCKET, SO_RCVBUFFORCE, bytes) == 0
            || SetSockOpt(_socket.Fd, SOL_SOCKET, SO_RCVBUF, bytes) == 0;
        ReceiveBufferBytes = granted ? bytes : 0;
    }

    /// <summary>Attaches a classic BPF filter to the socket; returns 0 or the errno.</summary>
    public int AttachFilter(ReadOnlySpan<SockFilter> program) => global::Interop.Libc.AttachFilter(_socket.Fd, program);

    /// <summary>Sends one datagram to the kernel.</summary>
    public void Send(ReadOnlySpan<byte> datagram, string operation)
    {
        var errno = global::Interop.Libc.Send(_socket.Fd, datagram);
        if (errno != 0)
        {
            throw global::Interop.GetExceptionForErrno(errno, operation);
        }
    }

    /// <summary>
    /// Receives one datagram, waiting at most <paramref name="timeoutMs"/> (-1: no limit; 0: not at all) or until <see cref="Wake"/>.
    /// </summary>
    public ReceiveStatus Receive(Span<byte> buffer, int timeoutMs, out int length)
    {
        Span<PollFd> fds = stackalloc PollFd[2];
        while (true)
        {
            length = RecvNonBlocking(_socket.Fd, buffer, out var errno);
            if (length >= 0)
            {
                return ReceiveStatus.Datagram;
            }

            if (errno == global::Interop.Errno.ENOBUFS)
            {
                return ReceiveStatus.Overflow;
            }

            if (errno != global::Interop.Errno.EAGAIN)
            {
                throw global::Interop.GetExceptionForErrno(errno, "Receiving from the proc connector");
            }

            if (timeoutMs == 0)
            {
                // Drained; a poll would only say so again.
                return ReceiveStatus.Timeout;
            }

            fds[0] = new PollFd { fd = _socket.Fd, events = POLLIN };
            fds[1] = new PollFd { fd = _wakeup.Fd, events = POLLIN };
            var ready = Poll(fds, timeoutMs, out errno);
            if (ready < 0)
            {
                throw global::Interop.GetExceptionForErrno(errno, "Waiting on the proc connector");
            }

            if (ready == 0)
            {
                return ReceiveStatus.Timeout;
            }

            if ((fds[1].revents & POLLIN) != 0)
            {
                return ReceiveStatus.Woken;
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
        Span<PollFd> fds = stackalloc PollFd[2];
        while (true)
        {
            if (!wait)
            {
                if (batch.Receive(_socket.Fd, out var errno) > 0)
                {
                    return ReceiveStatus.Datagram;
                }

                if (errno == global::Interop.Errno.ENOBUFS)
                {
                    return ReceiveStatus.Overflow;
                }

                if (errno is not (global::Interop.Errno.EAGAIN or 0))
                {
                    throw global::Interop.GetExceptionForErrno(errno, "Receiving from the proc connector");
                }

                return ReceiveStatus.Timeout;
            }

            fds[0] = new PollFd { fd = _socket.Fd, events = POLLIN };
            fds[1] = new PollFd { fd = _wakeup.Fd, events = POLLIN };
            if (Poll(fds, -1, out var pollErrno) < 0)
            {
                throw global::Interop.GetExceptionForErrno(pollErrno, "Waiting on the proc connector");
            }

            if ((fds[1].revents & POLLIN) != 0)
            {
                return ReceiveStatus.Woken;
            }

            wait = false;
        }
    }

    /// <summary>Wakes a thread blocked in <see cref="Receive(Span{byte}, int, out int)"/>; it and every later call return <see cref="ReceiveStatus.Woken"/> once the socket is drained.</summary>
    public void Wake()
    {
        Span<byte> one = stackalloc byte[8];
        one[0] = 1;
        Write(_wakeup.Fd, one, out _);
    }

    public void Dispose()
    {
        _socket.Dispose();
        _wakeup.Dispose();
    }
}
