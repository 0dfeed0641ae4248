namespace Tracing.Linux.Netlink;

/// <summary>What a receive on the proc connector socket produced.</summary>
internal enum ReceiveStatus
{
    /// <summary>A datagram.</summary>
    Datagram,

    /// <summary>Nothing within the timeout.</summary>
    Timeout,

    /// <summary>The kernel dropped events: the receive buffer overflowed (ENOBUFS).</summary>
    Overflow,

    /// <summary>The socket was woken to stop.</summary>
    Woken,
}
