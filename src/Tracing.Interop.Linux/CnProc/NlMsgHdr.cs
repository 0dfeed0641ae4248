using System.Runtime.InteropServices;

namespace Tracing.Linux.CnProc;

/// <summary>The netlink message header that starts every message in a datagram.</summary>
// From include/uapi/linux/netlink.h: struct nlmsghdr
[StructLayout(LayoutKind.Sequential)]
internal readonly struct NlMsgHdr
{
    /// <summary>The size of the header in bytes.</summary>
    public const int Size = 16;

    /// <summary><c>NLMSG_NOOP</c>: a message to ignore.</summary>
    public const ushort TypeNoop = 1;

    /// <summary><c>NLMSG_ERROR</c>: an error or acknowledgement; an <c>s32</c> error follows the header.</summary>
    public const ushort TypeError = 2;

    /// <summary><c>NLMSG_DONE</c>: the type the connector uses for every message; a <c>cn_msg</c> follows the header.</summary>
    public const ushort TypeDone = 3;

    internal readonly uint nlmsg_len;
    internal readonly ushort nlmsg_type;
    internal readonly ushort nlmsg_flags;
    internal readonly uint nlmsg_seq;
    internal readonly uint nlmsg_pid;

    /// <summary>Creates a header.</summary>
    public NlMsgHdr(uint length, ushort type, ushort flags, uint sequence, uint portId)
    {
        nlmsg_len = length;
        nlmsg_type = type;
        nlmsg_flags = flags;
        nlmsg_seq = sequence;
        nlmsg_pid = portId;
    }

    /// <summary><c>nlmsg_len</c>: the length of the message, header included, before alignment.</summary>
    public uint Length => nlmsg_len;

    /// <summary><c>nlmsg_type</c>: what the message carries.</summary>
    public ushort Type => nlmsg_type;

    /// <summary><c>nlmsg_flags</c>.</summary>
    public ushort Flags => nlmsg_flags;

    /// <summary><c>nlmsg_seq</c>: the sequence number.</summary>
    public uint Sequence => nlmsg_seq;

    /// <summary><c>nlmsg_pid</c>: the sending port id (0 for the kernel).</summary>
    public uint PortId => nlmsg_pid;
}
