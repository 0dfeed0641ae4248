using Tracing.Darwin.KinfoProc;

namespace Tracing.Darwin.Tests.KinfoProc;

/// <summary>Pins the 64-bit struct kinfo_proc layout to docs/reference/darwin.md §1.2 (the same on arm64 and x86_64).</summary>
public class KinfoProcLayoutTests
{
    [Fact]
    public void Record_size_is_648_as_expected_json_says()
    {
        Assert.Equal(648, KinfoProcLayout.Size);
        Assert.Equal(648, KinfoProcDecoder.RecordSize);
        var fromFixture = (int)DarwinFixtures.Expected["layout"]!["record_size"]!;
        Assert.Equal(648, fromFixture);
    }

    [Theory]
    [InlineData(nameof(KinfoProcLayout.p_starttime_tv_sec), 0)]
    [InlineData(nameof(KinfoProcLayout.p_starttime_tv_usec), 8)]
    [InlineData(nameof(KinfoProcLayout.p_flag), 32)]
    [InlineData(nameof(KinfoProcLayout.p_stat), 36)]
    [InlineData(nameof(KinfoProcLayout.p_pid), 40)]
    [InlineData(nameof(KinfoProcLayout.p_comm), 243)]
    [InlineData(nameof(KinfoProcLayout.kp_eproc), 296)]
    [InlineData(nameof(KinfoProcLayout.p_ruid), 392)]
    [InlineData(nameof(KinfoProcLayout.cr_uid), 420)]
    [InlineData(nameof(KinfoProcLayout.e_ppid), 560)]
    [InlineData(nameof(KinfoProcLayout.e_pgid), 564)]
    [InlineData(nameof(KinfoProcLayout.MAXCOMLEN), 16)]
    [InlineData(nameof(KinfoProcLayout.SZOMB), 5)]
    public void Offset_matches_the_verified_layout(string field, int expected)
    {
        var value = typeof(KinfoProcLayout).GetField(field, System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!.GetRawConstantValue();

        Assert.Equal(expected, Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void None_of_the_wrong_published_numbers_is_used()
    {
        // 492 is the i386 size; 68/72 FreeBSD's ki_pid; 163 the i386 p_comm; 120/128 proc_bsdinfo's start time.
        int[] offsets = [KinfoProcLayout.Size, KinfoProcLayout.p_pid, KinfoProcLayout.e_ppid, KinfoProcLayout.p_comm, KinfoProcLayout.p_starttime_tv_sec];

        Assert.Empty(offsets.Intersect([492, 68, 72, 76, 163, 120, 128]));
    }

    [Fact]
    public void Fields_fit_inside_the_record_without_overlapping()
    {
        (int Offset, int Size)[] fields =
        [
            (KinfoProcLayout.p_starttime_tv_sec, 8), (KinfoProcLayout.p_starttime_tv_usec, 4), (KinfoProcLayout.p_flag, 4),
            (KinfoProcLayout.p_stat, 1), (KinfoProcLayout.p_pid, 4), (KinfoProcLayout.p_comm, KinfoProcLayout.MAXCOMLEN + 1),
            (KinfoProcLayout.p_ruid, 4), (KinfoProcLayout.cr_uid, 4), (KinfoProcLayout.e_ppid, 4), (KinfoProcLayout.e_pgid, 4),
        ];
        var ordered = fields.OrderBy(f => f.Offset).ToArray();

        for (var i = 1; i < ordered.Length; i++)
        {
            Assert.True(ordered[i - 1].Offset + ordered[i - 1].Size <= ordered[i].Offset, $"field at {ordered[i - 1].Offset} overlaps {ordered[i].Offset}");
        }

        Assert.True(ordered[^1].Offset + ordered[^1].Size <= KinfoProcLayout.Size);
    }

    [Fact]
    public void A_record_built_at_the_literal_offsets_decodes_field_by_field()
    {
        var record = KinfoProcBuilder.Record(pid: 4242, ppid: 77, comm: "sixteen-chars-nm", startSeconds: 1_732_000_000, startMicroseconds: 999_999, stat: 5, ruid: 0, euid: 501);

        Assert.True(KinfoProcDecoder.TryDecode(record, out var decoded));
        Assert.Equal(4242, decoded.Pid);
        Assert.Equal(77, decoded.ParentPid);
        Assert.Equal(4242, decoded.ProcessGroupId);
        Assert.Equal("sixteen-chars-nm", decoded.CommandName.ToString());
        Assert.Equal(1_732_000_000, decoded.StartSeconds);
        Assert.Equal(999_999, decoded.StartMicroseconds);
        Assert.Equal(0u, decoded.RealUid);
        Assert.Equal(501u, decoded.EffectiveUid);
        Assert.True(decoded.IsZombie);
        Assert.Equal('Z', decoded.State);
    }
}
