namespace Tracing.Linux.CnProc;

/// <summary>Why <see cref="CnProcMessageReader"/> stopped before the end of its buffer.</summary>
internal enum CnProcMalformation
{
    /// <summary>Nothing is wrong: the buffer was read to its end.</summary>
    None = 0,

    /// <summary>Bytes are left that cannot hold an <c>nlmsghdr</c>.</summary>
    TrailingBytesShorterThanHeader,

    /// <summary><c>nlmsg_len</c> is smaller than the header or larger than the bytes left.</summary>
    MessageLengthDoesNotFit,

    /// <summary>An <c>NLMSG_ERROR</c> message is too short for its error code.</summary>
    ErrorDoesNotFit,

    /// <summary>An <c>NLMSG_DONE</c> message is too short for its <c>cn_msg</c>.</summary>
    ConnectorDoesNotFit,

    /// <summary><c>cn_msg.len</c> is larger than the bytes left in the message.</summary>
    ConnectorLengthDoesNotFit,

    /// <summary>A proc connector payload is too short for the <c>proc_event</c> its <c>what</c> names.</summary>
    ProcEventDoesNotFit,
}
