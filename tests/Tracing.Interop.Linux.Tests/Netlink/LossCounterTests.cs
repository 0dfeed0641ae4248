using Tracing.Linux.Netlink;

namespace Tracing.Linux.Tests.Netlink;

public class LossCounterTests
{
    private uint? _drops;

    [Fact]
    public void With_the_drop_counter_the_loss_is_its_difference_and_exact()
    {
        _drops = 10;
        var losses = new LossCounter(new SequenceGapCounter(), countGaps: false, () => _drops);

        _drops = 792;
        losses.OnOverflow();

        Assert.Equal(782, losses.Take(ending: false, out var exact));
        Assert.True(exact);
        Assert.Equal(0, losses.Take(ending: false, out _));
    }

    [Fact]
    public void The_drop_counter_is_read_across_its_wrap()
    {
        _drops = uint.MaxValue - 2;
        var losses = new LossCounter(new SequenceGapCounter(), countGaps: false, () => _drops);

        _drops = 4;
        losses.OnOverflow();

        Assert.Equal(7, losses.Take(ending: false, out var exact));
        Assert.True(exact);
    }

    [Fact]
    public void Without_an_overflow_the_counter_is_read_only_at_the_end()
    {
        var reads = 0;
        _drops = 5;
        var losses = new LossCounter(new SequenceGapCounter(), countGaps: false, () =>
        {
            reads++;
            return _drops;
        });

        _drops = 8;
        Assert.Equal(0, losses.Take(ending: false, out _));
        Assert.Equal(1, reads);

        Assert.Equal(3, losses.Take(ending: true, out var exact));
        Assert.True(exact);
    }

    [Fact]
    public void An_overflow_already_counted_reports_nothing_more()
    {
        _drops = 0;
        var losses = new LossCounter(new SequenceGapCounter(), countGaps: false, () => _drops);
        _drops = 3;
        losses.OnOverflow();
        Assert.Equal(3, losses.Take(ending: false, out _));

        // The ENOBUFS of drops the last read already counted.
        losses.OnOverflow();
        Assert.Equal(0, losses.Take(ending: false, out _));
        Assert.Equal(0, losses.Take(ending: true, out _));
    }

    [Fact]
    public void The_counter_wins_over_the_sequence_gaps_so_that_nothing_is_counted_twice()
    {
        var gaps = new SequenceGapCounter();
        _drops = 0;
        var losses = new LossCounter(gaps, countGaps: true, () => _drops);
        gaps.Observe(0, 1);
        gaps.Observe(0, 5);
        _drops = 3;
        losses.OnOverflow();

        Assert.Equal(3, losses.Take(ending: false, out var exact));
        Assert.True(exact);
        Assert.Equal(0, losses.Take(ending: true, out _));
    }

    [Fact]
    public void Without_the_counter_an_unfiltered_socket_counts_the_gaps_exactly()
    {
        var gaps = new SequenceGapCounter();
        var losses = new LossCounter(gaps, countGaps: true, () => null);
        gaps.Observe(0, 1);
        gaps.Observe(0, 5);
        losses.OnOverflow();

        Assert.False(losses.CountsDrops);
        Assert.Equal(3, losses.Take(ending: false, out var exact));
        Assert.True(exact);
    }

    [Fact]
    public void Without_the_counter_an_unrevealed_overflow_of_an_unfiltered_socket_is_at_least_one_at_the_end()
    {
        var losses = new LossCounter(new SequenceGapCounter(), countGaps: true, () => null);
        losses.OnOverflow();

        Assert.Equal(0, losses.Take(ending: false, out _));
        Assert.Equal(1, losses.Take(ending: true, out var exact));
        Assert.False(exact);
    }

    [Fact]
    public void Without_the_counter_a_filtered_socket_says_at_least_one_per_overflow()
    {
        var losses = new LossCounter(new SequenceGapCounter(), countGaps: false, () => null);
        losses.OnOverflow();

        Assert.Equal(1, losses.Take(ending: false, out var exact));
        Assert.False(exact);
        Assert.Equal(0, losses.Take(ending: true, out _));
    }

    [Fact]
    public void A_counter_that_stops_answering_falls_back_to_at_least_one()
    {
        _drops = 0;
        var losses = new LossCounter(new SequenceGapCounter(), countGaps: false, () => _drops);
        _drops = null;
        losses.OnOverflow();

        Assert.Equal(1, losses.Take(ending: false, out var exact));
        Assert.False(exact);
    }
}
