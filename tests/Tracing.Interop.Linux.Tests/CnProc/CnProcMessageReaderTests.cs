using System.Buffers.Binary;
using Tracing.Linux.CnProc;

namespace Tracing.Linux.Tests.CnProc;

/// <summary>Cases the shared synthetic buffers do not cover, built from an exec and an exit datagram made in code.</summary>
public class CnProcMessageReaderTests
{
    private static readonly byte[] s_exec = CnProcDatagramBuilder.Exec(300, 300);
    private static readonly byte[] s_exit = CnProcDatagramBuilder.Exit(301, 301, exitCode: 768, exitSignal: 17, parentPid: 300, parentTgid: 300);

    [Theory]
    [InlineData(16, "cn_msg.len 16 too short for proc_event")] // exec needs 16 + 8
    [InlineData(23, "cn_msg.len 23 too short for proc_event")]
    [InlineData(15, "cn_msg.len 15 too short for proc_event")]
    [InlineData(0, "cn_msg.len 0 too short for proc_event")]
    public void A_proc_event_shorter_than_its_kind_needs_is_malformed(ushort cnLength, string reason)
    {
        var buffer = (byte[])s_exec.Clone();
        BinaryPrimitives.WriteUInt16LittleEndian(buffer.AsSpan(32), cnLength);

        var reader = new CnProcMessageReader(buffer);

        Assert.False(reader.TryRead(out _));
        Assert.Equal(CnProcMalformation.ProcEventDoesNotFit, reader.Malformation);
        Assert.Equal(reason, reader.FormatMalformation());
        Assert.Equal(0, reader.Offset);
    }

    [Fact]
    public void A_proc_event_just_long_enough_for_its_kind_reads_with_a_zeroed_tail()
    {
        var buffer = (byte[])s_exec.Clone();
        BinaryPrimitives.WriteUInt16LittleEndian(buffer.AsSpan(32), 24);

        var reader = new CnProcMessageReader(buffer);

        Assert.True(reader.TryRead(out var message));
        Assert.Equal((ProcEventWhat.Exec, 300, 300), (message.Event.What, message.Event.ProcessPid, message.Event.ProcessTgid));
        Assert.Equal(0, message.Event.ExitCode);
        Assert.False(reader.TryRead(out _));
        Assert.Null(reader.FormatMalformation());
    }

    [Fact]
    public void An_exit_needs_its_whole_union()
    {
        var buffer = (byte[])s_exit.Clone();
        BinaryPrimitives.WriteUInt16LittleEndian(buffer.AsSpan(32), 39);

        var reader = new CnProcMessageReader(buffer);

        Assert.False(reader.TryRead(out _));
        Assert.Equal(CnProcMalformation.ProcEventDoesNotFit, reader.Malformation);
    }

    [Fact]
    public void A_done_message_too_short_for_cn_msg_is_malformed()
    {
        var buffer = s_exec[..32];
        BinaryPrimitives.WriteUInt32LittleEndian(buffer, 32);

        var reader = new CnProcMessageReader(buffer);

        Assert.False(reader.TryRead(out _));
        Assert.Equal(CnProcMalformation.ConnectorDoesNotFit, reader.Malformation);
        Assert.Equal("nlmsg_len 32 too short for cn_msg", reader.FormatMalformation());
    }

    [Fact]
    public void An_error_message_too_short_for_its_code_is_malformed()
    {
        var buffer = new byte[16];
        BinaryPrimitives.WriteUInt32LittleEndian(buffer, 16);
        BinaryPrimitives.WriteUInt16LittleEndian(buffer.AsSpan(4), NlMsgHdr.TypeError);

        var reader = new CnProcMessageReader(buffer);

        Assert.False(reader.TryRead(out _));
        Assert.Equal("nlmsg_len 16 too short for nlmsgerr", reader.FormatMalformation());
    }

    [Fact]
    public void Messages_start_at_nlmsg_align_boundaries_and_a_last_one_may_omit_its_padding()
    {
        // A NOOP of length 17 (padded to 20), then an exec whose length 77 runs to the buffer's end.
        var buffer = new byte[20 + 77];
        BinaryPrimitives.WriteUInt32LittleEndian(buffer, 17);
        BinaryPrimitives.WriteUInt16LittleEndian(buffer.AsSpan(4), NlMsgHdr.TypeNoop);
        s_exec.CopyTo(buffer, 20);
        BinaryPrimitives.WriteUInt32LittleEndian(buffer.AsSpan(20), 77);

        var reader = new CnProcMessageReader(buffer);

        Assert.True(reader.TryRead(out var noop));
        Assert.Equal((NlMsgHdr.TypeNoop, false, false), (noop.Header.Type, noop.HasConnector, noop.HasError));
        Assert.Equal(20, reader.Offset);
        Assert.True(reader.TryRead(out var exec));
        Assert.Equal(ProcEventWhat.Exec, exec.Event.What);
        Assert.False(reader.TryRead(out _));
        Assert.Equal((CnProcMalformation.None, buffer.Length), (reader.Malformation, reader.Offset));
    }

    [Fact]
    public void A_message_of_another_netlink_type_carries_only_its_header()
    {
        var buffer = (byte[])s_exec.Clone();
        BinaryPrimitives.WriteUInt16LittleEndian(buffer.AsSpan(4), 0x10);

        var reader = new CnProcMessageReader(buffer);

        Assert.True(reader.TryRead(out var message));
        Assert.False(message.HasConnector || message.HasProcEvent || message.HasError);
    }

    [Fact]
    public void Reading_stays_stopped_after_a_malformation()
    {
        // A valid exec, then 7 bytes: too few for another header.
        var reader = new CnProcMessageReader([.. s_exec, 1, 2, 3, 4, 5, 6, 7]);

        Assert.True(reader.TryRead(out _));
        Assert.False(reader.TryRead(out _));
        Assert.False(reader.TryRead(out _));
        Assert.Equal((CnProcMalformation.TrailingBytesShorterThanHeader, 7u, 76), (reader.Malformation, reader.MalformedValue, reader.Offset));
    }

    [Fact]
    public void A_comm_decodes_up_to_its_first_nul()
    {
        // What follows the NUL is not part of the name (the kernel zeroes it, a reader must not rely on that).
        var reader = new CnProcMessageReader(CnProcDatagramBuilder.Comm(300, 300, "fixture-comm\0xyz"u8));

        Assert.True(reader.TryRead(out var message));
        var e = message.Event;
        Assert.Equal("fixture-comm", e.GetCommName());
        Assert.Equal(16, e.Comm.Length);
        Assert.Equal("fixture-comm\0xyz"u8, e.Comm);
    }

    [Fact]
    public void Random_and_mutated_buffers_never_throw_and_never_read_past_the_buffer()
    {
        var random = new Random(1234);
        var seeds = CnProcGenerators.Fixtures;
        for (var i = 0; i < 20_000; i++)
        {
            var buffer = i % 2 == 0 ? new byte[random.Next(0, 160)] : (byte[])seeds[i / 2 % seeds.Count].Clone();
            if (i % 2 == 0)
            {
                random.NextBytes(buffer);
            }
            else
            {
                if (buffer.Length > 0)
                {
                    buffer[random.Next(buffer.Length)] = (byte)random.Next(256);
                }

                buffer = buffer[..random.Next(buffer.Length + 1)];
            }

            var reader = new CnProcMessageReader(buffer);
            var count = 0;
            while (reader.TryRead(out _))
            {
                count++;
                Assert.InRange(reader.Offset, 0, buffer.Length);
            }

            Assert.True(count <= buffer.Length / NlMsgHdr.Size);
            Assert.Equal(reader.Malformation == CnProcMalformation.None, reader.FormatMalformation() is null);
        }
    }
}
