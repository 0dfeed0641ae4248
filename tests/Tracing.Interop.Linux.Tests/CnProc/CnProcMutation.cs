using System.Buffers.Binary;

namespace Tracing.Linux.Tests.CnProc;

/// <summary>One change to a proc connector buffer; positions wrap around the buffer, so any value applies to any buffer.</summary>
internal sealed record CnProcMutation(CnProcMutation.Kind What, int At, uint Value, byte[] Other)
{
    public enum Kind
    {
        FlipBit,
        SetByte,
        Truncate,
        RewriteNlMsgLen,
        RewriteCnMsgLen,
        RewriteWhat,
        RewriteType,
        Splice,
        Insert,
        Delete,
    }

    public byte[] Apply(byte[] buffer)
    {
        var output = (byte[])buffer.Clone();
        switch (What)
        {
            case Kind.FlipBit when output.Length > 0:
                output[At % output.Length] ^= (byte)(1 << (int)Value);
                return output;
            case Kind.SetByte when output.Length > 0:
                output[At % output.Length] = (byte)Value;
                return output;
            case Kind.Truncate:
                return output[..(At % (output.Length + 1))];
            case Kind.RewriteNlMsgLen:
                return WriteAtMessage(output, 0, 4, (start, span) => BinaryPrimitives.WriteUInt32LittleEndian(span[start..], Value));
            case Kind.RewriteType:
                return WriteAtMessage(output, 4, 2, (start, span) => BinaryPrimitives.WriteUInt16LittleEndian(span[start..], (ushort)Value));
            case Kind.RewriteCnMsgLen:
                return WriteAtMessage(output, 32, 2, (start, span) => BinaryPrimitives.WriteUInt16LittleEndian(span[start..], (ushort)Value));
            case Kind.RewriteWhat:
                return WriteAtMessage(output, 36, 4, (start, span) => BinaryPrimitives.WriteUInt32LittleEndian(span[start..], Value));
            case Kind.Splice:
                // Value cuts the other buffer: uint.MaxValue keeps it whole.
                var other = Value == uint.MaxValue ? Other : Other[..(int)(Value % (uint)(Other.Length + 1))];
                var at = At % (output.Length + 1);
                return [.. output.AsSpan(0, at), .. other, .. output.AsSpan(at)];
            case Kind.Insert:
                var insertAt = At % (output.Length + 1);
                return [.. output.AsSpan(0, insertAt), .. Other, .. output.AsSpan(insertAt)];
            case Kind.Delete when output.Length > 0:
                var from = At % output.Length;
                var count = (int)Math.Min(Value, (uint)(output.Length - from));
                return [.. output.AsSpan(0, from), .. output.AsSpan(from + count)];
            default:
                return output;
        }
    }

    /// <summary>Writes a field of one of the buffer's messages (as the reference decoder finds them), when it fits.</summary>
    private byte[] WriteAtMessage(byte[] buffer, int fieldOffset, int fieldSize, SpanWriter write)
    {
        var decoding = CnProcReference.Decode(buffer);
        var starts = decoding.Messages.Select(m => m.Offset).Append(decoding.StopOffset).ToArray();
        var start = starts[At % starts.Length] + fieldOffset;
        if (start + fieldSize <= buffer.Length)
        {
            write(start, buffer);
        }

        return buffer;
    }

    private delegate void SpanWriter(int start, Span<byte> buffer);
}
