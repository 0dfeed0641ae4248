using System.Runtime.InteropServices;

namespace Tracing.Linux.CnProc;

/// <summary>One netlink message from a proc connector socket, as <see cref="CnProcMessageReader"/> decoded it.</summary>
[StructLayout(LayoutKind.Auto)]
internal readonly struct CnProcMessage
{
    private readonly NlMsgHdr _header;
    private readonly CnMsg _connector;
    private readonly ProcEvent _event;
    private readonly int _error;
    private readonly Parts _parts;

    private CnProcMessage(in NlMsgHdr header, in CnMsg connector, in ProcEvent procEvent, int error, Parts parts)
    {
        _header = header;
        _connector = connector;
        _event = procEvent;
        _error = error;
        _parts = parts;
    }

    [Flags]
    private enum Parts : byte
    {
        HeaderOnly = 0,
        Connector = 1,
        ProcEvent = 2,
        Error = 4,
    }

    /// <summary>The netlink header.</summary>
    public NlMsgHdr Header => _header;

    /// <summary>True when the message carries a <c>cn_msg</c> (type <c>NLMSG_DONE</c>).</summary>
    public bool HasConnector => (_parts & Parts.Connector) != 0;

    /// <summary>The connector header; default unless <see cref="HasConnector"/>.</summary>
    public CnMsg Connector => _connector;

    /// <summary>True when the message is from the proc connector and carries a proc event.</summary>
    public bool HasProcEvent => (_parts & Parts.ProcEvent) != 0;

    /// <summary>The proc event; default unless <see cref="HasProcEvent"/>.</summary>
    public ProcEvent Event => _event;

    /// <summary>True for an <c>NLMSG_ERROR</c> message.</summary>
    public bool HasError => (_parts & Parts.Error) != 0;

    /// <summary>The <c>nlmsgerr.error</c> of an <c>NLMSG_ERROR</c> message: 0 for an acknowledgement, else a negative errno.</summary>
    public int Error => _error;

    internal static CnProcMessage ForHeader(in NlMsgHdr header) => new(header, default, default, 0, Parts.HeaderOnly);

    internal static CnProcMessage ForError(in NlMsgHdr header, int error) => new(header, default, default, error, Parts.Error);

    internal static CnProcMessage ForConnector(in NlMsgHdr header, in CnMsg connector) => new(header, connector, default, 0, Parts.Connector);

    internal static CnProcMessage ForProcEvent(in NlMsgHdr header, in CnMsg connector, in ProcEvent procEvent) =>
        new(header, connector, procEvent, 0, Parts.Connector | Parts.ProcEvent);
}
