using System.Globalization;
using System.Runtime.InteropServices;

namespace Tracing.Linux.CnProc;

/// <summary>
/// Walks the netlink messages of one datagram from a proc connector socket, checking every length.
/// Never throws on bad input: on malformed data it stops and <see cref="Malformation"/> says why;
/// the messages before that point were returned normally.
/// </summary>
internal ref struct CnProcMessageReader
{
    private readonly ReadOnlySpan<byte> _buffer;
    private int _offset;

    /// <summary>Reads the messages in <paramref name="buffer"/>.</summary>
    public CnProcMessageReader(ReadOnlySpan<byte> buffer)
    {
        _buffer = buffer;
    }

    /// <summary>Why reading stopped early, or <see cref="CnProcMalformation.None"/>.</summary>
    public CnProcMalformation Malformation { readonly get; private set; }

    /// <summary>The offending number behind <see cref="Malformation"/> (a length, or the bytes left).</summary>
    public uint MalformedValue { readonly get; private set; }

    /// <summary>Where the next message starts; at a malformation, where the bad message starts.</summary>
    public readonly int Offset => _offset;

    /// <summary>Reads the next message; false at the end of the buffer or at malformed data.</summary>
    public bool TryRead(out CnProcMessage message)
    {
        var remaining = _buffer.Length - _offset;
        if (Malformation != CnProcMalformation.None || remaining == 0)
        {
            message = default;
            return false;
        }

        if (remaining < NlMsgHdr.Size)
        {
            return Stop(CnProcMalformation.TrailingBytesShorterThanHeader, (uint)remaining, out message);
        }

        var rest = _buffer.Slice(_offset, remaining);
        var header = MemoryMarshal.Read<NlMsgHdr>(rest);
        var length = header.nlmsg_len;
        if (length < NlMsgHdr.Size || length > (uint)remaining)
        {
            return Stop(CnProcMalformation.MessageLengthDoesNotFit, length, out message);
        }

        if (!TryDecode(header, rest[NlMsgHdr.Size..(int)length], out message))
        {
            return false;
        }

        // NLMSG_ALIGN: the next message starts 4-aligned; a last message may omit its padding.
        _offset += (int)Math.Min((length + 3) & ~3u, (uint)remaining);
        return true;
    }

    /// <summary>The reason reading stopped as text, e.g. <c>nlmsg_len 76 does not fit</c>; null when nothing is wrong.</summary>
    public readonly string? FormatMalformation() => Malformation switch
    {
        CnProcMalformation.None => null,
        CnProcMalformation.TrailingBytesShorterThanHeader => "trailing bytes shorter than nlmsghdr",
        CnProcMalformation.MessageLengthDoesNotFit => string.Create(CultureInfo.InvariantCulture, $"nlmsg_len {MalformedValue} does not fit"),
        CnProcMalformation.ErrorDoesNotFit => string.Create(CultureInfo.InvariantCulture, $"nlmsg_len {MalformedValue} too short for nlmsgerr"),
        CnProcMalformation.ConnectorDoesNotFit => string.Create(CultureInfo.InvariantCulture, $"nlmsg_len {MalformedValue} too short for cn_msg"),
        CnProcMalformation.ConnectorLengthDoesNotFit => string.Create(CultureInfo.InvariantCulture, $"cn_msg.len {MalformedValue} does not fit"),
        CnProcMalformation.ProcEventDoesNotFit => string.Create(CultureInfo.InvariantCulture, $"cn_msg.len {MalformedValue} too short for proc_event"),
        _ => Malformation.ToString(),
    };

    private bool TryDecode(in NlMsgHdr header, ReadOnlySpan<byte> body, out CnProcMessage message)
    {
        switch (header.nlmsg_type)
        {
            case NlMsgHdr.TypeError:
                if (body.Length < sizeof(int))
                {
                    return Stop(CnProcMalformation.ErrorDoesNotFit, header.nlmsg_len, out message);
                }

                message = CnProcMessage.ForError(header, MemoryMarshal.Read<int>(body));
                return true;

            case NlMsgHdr.TypeDone:
                return TryDecodeConnector(header, body, out message);

            default:
                message = CnProcMessage.ForHeader(header);
                return true;
        }
    }

    private bool TryDecodeConnector(in NlMsgHdr header, ReadOnlySpan<byte> body, out CnProcMessage message)
    {
        if (body.Length < CnMsg.Size)
        {
            return Stop(CnProcMalformation.ConnectorDoesNotFit, header.nlmsg_len, out message);
        }

        var connector = MemoryMarshal.Read<CnMsg>(body);
        if (connector.len > body.Length - CnMsg.Size)
        {
            return Stop(CnProcMalformation.ConnectorLengthDoesNotFit, connector.len, out message);
        }

        if (!connector.IsProcConnector)
        {
            message = CnProcMessage.ForConnector(header, connector);
            return true;
        }

        if (!ProcEvent.TryRead(body.Slice(CnMsg.Size, connector.len), out var procEvent))
        {
            return Stop(CnProcMalformation.ProcEventDoesNotFit, connector.len, out message);
        }

        message = CnProcMessage.ForProcEvent(header, connector, procEvent);
        return true;
    }

    private bool Stop(CnProcMalformation malformation, uint value, out CnProcMessage message)
    {
        message = default;
        Malformation = malformation;
        MalformedValue = value;
        return false;
    }
}
