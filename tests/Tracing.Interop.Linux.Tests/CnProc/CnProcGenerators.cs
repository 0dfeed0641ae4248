using System.Buffers.Binary;
using CsCheck;

namespace Tracing.Linux.Tests.CnProc;

/// <summary>CsCheck generators of proc connector buffers: valid ones, and ones mutated from them and from the fixtures.</summary>
internal static class CnProcGenerators
{
    private static readonly uint[] s_knownWhats = [0, 0x1, 0x2, 0x4, 0x40, 0x80, 0x100, 0x200, 0x20000000, 0x40000000, 0x80000000];

    // Lengths at and around every header boundary, and ones that overflow naive arithmetic.
    private static readonly uint[] s_interestingLengths =
        [0, 1, 3, 4, 15, 16, 17, 19, 20, 21, 35, 36, 37, 39, 40, 41, 51, 52, 53, 55, 56, 59, 60, 64, 75, 76, 77, 79, 80,
         0x7FFF, 0x8000, 0xFFFF, 0x10000, 0x7FFFFFFF, 0x80000000, 0xFFFFFFF0, 0xFFFFFFFC, 0xFFFFFFFF];

    /// <summary>Every file of fixtures/cn_proc/feed and fixtures/cn_proc/synth.</summary>
    public static IReadOnlyList<byte[]> Fixtures { get; } = LoadFixtures();

    /// <summary>The real datagrams of fixtures/cn_proc/feed: each one valid message.</summary>
    public static IReadOnlyList<byte[]> Feed { get; } = CnProcFixtures.BinFiles("feed").Select(CnProcFixtures.Read).ToArray();

    /// <summary>One well-formed netlink message, unpadded: a recorded datagram or a synthesised one of any type.</summary>
    public static Gen<byte[]> ValidMessage { get; } = Gen.Frequency(
        (4, Gen.Int[0, Feed.Count - 1].Select(i => Feed[i])),
        (6, ProcEventMessage()),
        (1, OtherConnectorMessage()),
        (1, ErrorMessage()),
        (1, OtherTypeMessage()));

    /// <summary>Valid messages back to back, each but maybe the last padded to NLMSG_ALIGN with junk bytes.</summary>
    public static Gen<byte[]> ValidBuffer { get; } =
        Gen.Select(ValidMessage.Array[0, 8], Gen.Byte.Array[3], Gen.Bool, (messages, padding, padLast) =>
        {
            var output = new List<byte>();
            for (var i = 0; i < messages.Length; i++)
            {
                output.AddRange(messages[i]);
                if (i < messages.Length - 1 || padLast)
                {
                    output.AddRange(padding.AsSpan(0, (4 - (messages[i].Length % 4)) % 4).ToArray());
                }
            }

            return output.ToArray();
        });

    /// <summary>A fixture, a valid buffer or random bytes, with zero to six mutations applied.</summary>
    public static Gen<byte[]> HostileBuffer { get; } =
        Gen.Select(Seed(), Mutation().Array[0, 6], (seed, mutations) =>
        {
            var buffer = seed;
            foreach (var mutation in mutations)
            {
                buffer = mutation.Apply(buffer);
            }

            return buffer;
        });

    private static Gen<byte[]> Seed() => Gen.Frequency(
        (4, Gen.Int[0, Fixtures.Count - 1].Select(i => Fixtures[i])),
        (4, ValidBuffer),
        (1, Gen.Byte.Array[0, 200]));

    private static Gen<CnProcMutation> Mutation() => Gen.Frequency(
        (3, Gen.Select(Gen.Int.NonNegative, Gen.Int[0, 7], (at, bit) => new CnProcMutation(CnProcMutation.Kind.FlipBit, at, (uint)bit, []))),
        (2, Gen.Select(Gen.Int.NonNegative, Gen.Byte, (at, value) => new CnProcMutation(CnProcMutation.Kind.SetByte, at, value, []))),
        (2, Gen.Int.NonNegative.Select(at => new CnProcMutation(CnProcMutation.Kind.Truncate, at, 0, []))),
        (3, Gen.Select(Gen.Int.NonNegative, LengthValue(), (at, value) => new CnProcMutation(CnProcMutation.Kind.RewriteNlMsgLen, at, value, []))),
        (3, Gen.Select(Gen.Int.NonNegative, LengthValue(), (at, value) => new CnProcMutation(CnProcMutation.Kind.RewriteCnMsgLen, at, value, []))),
        (2, Gen.Select(Gen.Int.NonNegative, WhatValue(), (at, value) => new CnProcMutation(CnProcMutation.Kind.RewriteWhat, at, value, []))),
        (1, Gen.Select(Gen.Int.NonNegative, Gen.UShort, (at, value) => new CnProcMutation(CnProcMutation.Kind.RewriteType, at, value, []))),
        (3, Gen.Select(Gen.Int.NonNegative, Gen.UInt, Gen.Int[0, Fixtures.Count - 1], (at, cut, other) =>
            new CnProcMutation(CnProcMutation.Kind.Splice, at, cut, Fixtures[other]))),
        (2, Gen.Select(Gen.Int.NonNegative, ValidBuffer, (at, other) => new CnProcMutation(CnProcMutation.Kind.Splice, at, uint.MaxValue, other))),
        (1, Gen.Select(Gen.Int.NonNegative, Gen.Byte.Array[1, 24], (at, bytes) => new CnProcMutation(CnProcMutation.Kind.Insert, at, 0, bytes))),
        (1, Gen.Select(Gen.Int.NonNegative, Gen.UInt[1, 24], (at, count) => new CnProcMutation(CnProcMutation.Kind.Delete, at, count, []))));

    private static Gen<uint> LengthValue() => Gen.Frequency(
        (3, Gen.Int[0, s_interestingLengths.Length - 1].Select(i => s_interestingLengths[i])),
        (1, Gen.UInt),
        (1, Gen.UInt[0, 256]));

    private static Gen<uint> WhatValue() => Gen.Frequency(
        (3, Gen.Int[0, s_knownWhats.Length - 1].Select(i => s_knownWhats[i])),
        (1, Gen.UInt));

    /// <summary>DONE + proc connector <c>cn_msg</c> + a <c>proc_event</c> at least as long as its kind needs.</summary>
    private static Gen<byte[]> ProcEventMessage() =>
        from what in WhatValue()
        from header in Gen.Byte.Array[20]
        from cnHeader in Gen.Byte.Array[12]
        from eventBytes in Gen.Byte.Array[64]
        from shape in Gen.Int[0, 2]
        from delta in Gen.Int[0, 24]
        from slack in Gen.Int[0, 12]
        select Build(header, 3, (1, 1), cnHeader, what, eventBytes, ProcEventLength(what, shape, delta), slack);

    // The kernel's 40 bytes; or shorter, down to what the kind needs; or longer.
    private static int ProcEventLength(uint what, int shape, int delta) => shape switch
    {
        0 => 40,
        1 => Math.Max(16 + CnProcReference.UnionMemberSize(what), 40 - delta),
        _ => 40 + delta,
    };

    /// <summary>DONE + a <c>cn_msg</c> of another connector with any payload.</summary>
    private static Gen<byte[]> OtherConnectorMessage() =>
        from id in Gen.Select(Gen.UInt[0, 12], Gen.UInt[0, 3]).Where(id => id != (1, 1))
        from header in Gen.Byte.Array[20]
        from cnHeader in Gen.Byte.Array[12]
        from payload in Gen.Byte.Array[64]
        from cnLength in Gen.Int[0, 64]
        from slack in Gen.Int[0, 12]
        select Build(header, 3, id, cnHeader, BinaryPrimitives.ReadUInt32LittleEndian(payload), payload, cnLength, slack);

    /// <summary>NLMSG_ERROR: the header and an <c>s32</c> error, maybe followed by the request it answers.</summary>
    private static Gen<byte[]> ErrorMessage() =>
        from header in Gen.Byte.Array[16]
        from body in Gen.Byte.Array[4, 40]
        select WithHeader(header, 2, body);

    /// <summary>Any other type (NOOP, OVERRUN, unknown): the header and an opaque body.</summary>
    private static Gen<byte[]> OtherTypeMessage() =>
        from type in Gen.UShort.Where(t => t is not 2 and not 3)
        from header in Gen.Byte.Array[16]
        from body in Gen.Byte.Array[0, 40]
        select WithHeader(header, type, body);

    private static byte[] Build(byte[] header, ushort type, (uint Idx, uint Val) id, byte[] cnHeader, uint what, byte[] eventBytes, int cnLength, int slack)
    {
        var body = new byte[20 + cnLength + slack];
        header.AsSpan(0, body.Length - 20 - cnLength).CopyTo(body.AsSpan(20 + cnLength)); // junk after the payload
        BinaryPrimitives.WriteUInt32LittleEndian(body, id.Idx);
        BinaryPrimitives.WriteUInt32LittleEndian(body.AsSpan(4), id.Val);
        cnHeader.AsSpan(0, 8).CopyTo(body.AsSpan(8)); // seq, ack
        BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(16), (ushort)cnLength);
        cnHeader.AsSpan(8, 2).CopyTo(body.AsSpan(18)); // flags
        eventBytes.AsSpan(0, cnLength).CopyTo(body.AsSpan(20));
        if (cnLength >= 4)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(body.AsSpan(20), what);
        }

        return WithHeader(header, type, body);
    }

    private static byte[] WithHeader(byte[] header, ushort type, byte[] body)
    {
        var message = new byte[16 + body.Length];
        header.AsSpan(0, 16).CopyTo(message);
        BinaryPrimitives.WriteUInt32LittleEndian(message, (uint)message.Length);
        BinaryPrimitives.WriteUInt16LittleEndian(message.AsSpan(4), type);
        body.CopyTo(message.AsSpan(16));
        return message;
    }

    private static byte[][] LoadFixtures()
    {
        var files = CnProcFixtures.BinFiles("feed").Concat(CnProcFixtures.BinFiles("synth")).ToArray();
        if (files.Length == 0)
        {
            throw new InvalidOperationException($"No feed/*.bin nor synth/*.bin in {CnProcFixtures.Directory}.");
        }

        return files.Select(CnProcFixtures.Read).ToArray();
    }
}
