using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;

namespace Tracing.Linux.CnProc;

/// <summary>The connector header that follows the netlink header; <see cref="Length"/> bytes of payload follow it.</summary>
// From include/uapi/linux/connector.h: struct cn_msg, with struct cb_id id { idx, val } inlined.
[StructLayout(LayoutKind.Sequential)]
[SuppressMessage("Naming", "CA1708:Identifiers should differ by more than case", Justification = "Internal fields keep the C names; the public surface is the properties.")]
internal readonly struct CnMsg
{
    /// <summary>The size of the header in bytes.</summary>
    public const int Size = 20;

    internal readonly uint idx;
    internal readonly uint val;
    internal readonly uint seq;
    internal readonly uint ack;
    internal readonly ushort len;
    internal readonly ushort flags;

    /// <summary>Creates a header.</summary>
    public CnMsg(uint index, uint value, uint sequence, uint acknowledgement, ushort length, ushort flags)
    {
        idx = index;
        val = value;
        seq = sequence;
        ack = acknowledgement;
        len = length;
        this.flags = flags;
    }

    /// <summary><c>id.idx</c>: the connector (1, <c>CN_IDX_PROC</c>, for the proc connector).</summary>
    public uint Index => idx;

    /// <summary><c>id.val</c>: the connector's channel (1, <c>CN_VAL_PROC</c>, for the proc connector).</summary>
    public uint Value => val;

    /// <summary><c>seq</c>: for proc events, a per-CPU counter whose gaps count lost events.</summary>
    public uint Sequence => seq;

    /// <summary><c>ack</c>: for a subscription reply, the sent acknowledgement plus one.</summary>
    public uint Acknowledgement => ack;

    /// <summary><c>len</c>: the payload length in bytes.</summary>
    public ushort Length => len;

    /// <summary><c>flags</c>.</summary>
    public ushort Flags => flags;

    /// <summary>True for the proc connector (<c>CN_IDX_PROC</c>/<c>CN_VAL_PROC</c>).</summary>
    public bool IsProcConnector => idx == CnProcSubscription.CnIdxProc && val == CnProcSubscription.CnValProc;
}
