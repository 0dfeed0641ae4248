using Tracing.Hosting.HealthChecks;

namespace Tracing.Hosting.Tests.HealthChecks;

public class LossWatchTests
{
    private static readonly DateTimeOffset s_start = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    [Fact]
    public void Each_check_counts_the_increase_since_the_previous_one_and_dates_the_last_that_saw_any()
    {
        var watch = new LossWatch();

        var first = watch.Observe(kernelLost: 5, subscriberDropped: 2, s_start);
        var none = watch.Observe(kernelLost: 5, subscriberDropped: 2, s_start.AddSeconds(10));
        var more = watch.Observe(kernelLost: 6, subscriberDropped: 4, s_start.AddSeconds(20));

        Assert.Equal((7L, (DateTimeOffset?)s_start), first);
        Assert.Equal((0L, (DateTimeOffset?)s_start), none);
        Assert.Equal((3L, (DateTimeOffset?)s_start.AddSeconds(20)), more);
    }

    [Fact]
    public void A_new_run_counts_from_zero_so_all_it_counts_is_new()
    {
        var watch = new LossWatch();
        watch.Observe(kernelLost: 9, subscriberDropped: 9, s_start);

        var (since, lastLoss) = watch.Observe(kernelLost: 2, subscriberDropped: 0, s_start.AddSeconds(1));

        Assert.Equal(2, since);
        Assert.Equal(s_start.AddSeconds(1), lastLoss);
    }

    [Fact]
    public void Nothing_lost_ever_has_no_date()
    {
        Assert.Equal((0L, (DateTimeOffset?)null), new LossWatch().Observe(0, 0, s_start));
    }
}
