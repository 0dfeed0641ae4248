using System.Buffers.Binary;

namespace Tracing.Linux.Tests.CnProc;

/// <summary>
/// A reference decoder for proc connector buffers, written from the tables in docs/reference/cn_proc.md with
/// <see cref="BinaryPrimitives"/> at absolute offsets, sharing no code with the reader under test.
/// Malformations are named with the texts of fixtures/cn_proc/expected.jsonl.
/// </summary>
internal static class CnProcReference
{
    private const int NlMsgHdrSize = 16;
    private const int CnMsgSize = 20;
    private const int ProcEventHeaderSize = 16;
    private const int ProcEventSize = 40;
    private const int EventDataSize = 24;

    /// <summary>Decodes every message up to the end of the buffer or the first malformed one.</summary>
    public static Decoding Decode(ReadOnlySpan<byte> buffer)
    {
        var messages = new List<Message>();
        var offset = 0;
        while (true)
        {
            var remaining = buffer.Length - offset;
            if (remaining == 0)
            {
                return new Decoding(messages, null, offset);
            }

            if (remaining < NlMsgHdrSize)
            {
                return new Decoding(messages, "trailing bytes shorter than nlmsghdr", offset);
            }

            var at = buffer[offset..];
            var length = BinaryPrimitives.ReadUInt32LittleEndian(at);
            if (length < NlMsgHdrSize || length > (uint)remaining)
            {
                return new Decoding(messages, $"nlmsg_len {length} does not fit", offset);
            }

            var message = new Message(
                offset,
                length,
                BinaryPrimitives.ReadUInt16LittleEndian(at[4..]),
                BinaryPrimitives.ReadUInt16LittleEndian(at[6..]),
                BinaryPrimitives.ReadUInt32LittleEndian(at[8..]),
                BinaryPrimitives.ReadUInt32LittleEndian(at[12..]));

            switch (message.Type)
            {
                case 2: // NLMSG_ERROR: s32 error after the header
                    if (length < NlMsgHdrSize + 4)
                    {
                        return new Decoding(messages, $"nlmsg_len {length} too short for nlmsgerr", offset);
                    }

                    message = message with { Error = BinaryPrimitives.ReadInt32LittleEndian(at[16..]) };
                    break;

                case 3: // NLMSG_DONE: cn_msg after the header
                    if (length < NlMsgHdrSize + CnMsgSize)
                    {
                        return new Decoding(messages, $"nlmsg_len {length} too short for cn_msg", offset);
                    }

                    var connector = new Connector(
                        BinaryPrimitives.ReadUInt32LittleEndian(at[16..]),
                        BinaryPrimitives.ReadUInt32LittleEndian(at[20..]),
                        BinaryPrimitives.ReadUInt32LittleEndian(at[24..]),
                        BinaryPrimitives.ReadUInt32LittleEndian(at[28..]),
                        BinaryPrimitives.ReadUInt16LittleEndian(at[32..]),
                        BinaryPrimitives.ReadUInt16LittleEndian(at[34..]));
                    if (connector.Len > length - NlMsgHdrSize - CnMsgSize)
                    {
                        return new Decoding(messages, $"cn_msg.len {connector.Len} does not fit", offset);
                    }

                    message = message with { Connector = connector };
                    if (connector.Idx == 1 && connector.Val == 1)
                    {
                        var payload = at.Slice(NlMsgHdrSize + CnMsgSize, connector.Len);
                        if (payload.Length < ProcEventHeaderSize
                            || payload.Length < ProcEventHeaderSize + UnionMemberSize(BinaryPrimitives.ReadUInt32LittleEndian(payload)))
                        {
                            return new Decoding(messages, $"cn_msg.len {connector.Len} too short for proc_event", offset);
                        }

                        // Bytes the payload lacks read as zero.
                        var data = new byte[EventDataSize];
                        var present = payload[ProcEventHeaderSize..Math.Min(payload.Length, ProcEventSize)];
                        present.CopyTo(data);
                        message = message with
                        {
                            Event = new Event(
                                BinaryPrimitives.ReadUInt32LittleEndian(payload),
                                BinaryPrimitives.ReadUInt32LittleEndian(payload[4..]),
                                BinaryPrimitives.ReadUInt64LittleEndian(payload[8..]),
                                data),
                        };
                    }

                    break;
            }

            messages.Add(message);
            var aligned = (length + 3) / 4 * 4;
            offset += (int)Math.Min(aligned, (uint)remaining);
        }
    }

    /// <summary>The bytes of <c>event_data</c> the member <paramref name="what"/> names uses (cn_proc.md's table).</summary>
    public static int UnionMemberSize(uint what) => what switch
    {
        0x00000000 => 4, // NONE: err
        0x00000002 or 0x00000080 => 8, // EXEC, SID
        0x00000001 or 0x00000004 or 0x00000040 or 0x00000100 or 0x40000000 => 16, // FORK, UID, GID, PTRACE, COREDUMP
        0x00000200 or 0x80000000 => 24, // COMM, EXIT
        _ => 0,
    };

    /// <summary>What a buffer holds: its messages, and why the rest (from <see cref="StopOffset"/> on) cannot be read.</summary>
    public sealed record Decoding(List<Message> Messages, string? Malformed, int StopOffset);

    /// <summary>One netlink message and what follows its header.</summary>
    public sealed record Message(int Offset, uint Len, ushort Type, ushort Flags, uint Seq, uint Pid)
    {
        public Connector? Connector { get; init; }

        public Event? Event { get; init; }

        public int? Error { get; init; }
    }

    /// <summary>A <c>cn_msg</c>.</summary>
    public sealed record Connector(uint Idx, uint Val, uint Seq, uint Ack, ushort Len, ushort Flags);

    /// <summary>A <c>proc_event</c>: the header and the 24 bytes of the union.</summary>
    public sealed record Event(uint What, uint Cpu, ulong TimestampNs, byte[] Data)
    {
        public int Int32At(int offset) => BinaryPrimitives.ReadInt32LittleEndian(Data.AsSpan(offset));
    }
}
