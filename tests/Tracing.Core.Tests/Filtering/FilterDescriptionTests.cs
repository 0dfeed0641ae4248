using Tracing.Filtering;
using Tracing.Ports;

namespace Tracing.Core.Tests.Filtering;

/// <summary>What a filter says it traces (the tracer's "started" log, messages): words, not a record's dump.</summary>
public class FilterDescriptionTests
{
    public static TheoryData<ExecTraceFilter, string> Filters => new()
    {
        { ExecTraceFilter.Everything, "every process" },
        { ExecTraceFilter.ProcessTree(1234), "process 1234 and its descendants" },
        { ExecTraceFilter.Cgroup("/system.slice/x.service"), "cgroup /system.slice/x.service" },
        { ExecTraceFilter.Cgroup("/build", "cpu"), "cgroup /build (cpu hierarchy)" },
        { ExecTraceFilter.Container("web"), "container web" },
        { new CommandFilter(new CommandSpec("make", ["-j4"])), "command make -j4 and its subtree" },
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public void A_filter_describes_what_it_traces(ExecTraceFilter filter, string description) =>
        Assert.Equal(description, filter.ToString());
}
