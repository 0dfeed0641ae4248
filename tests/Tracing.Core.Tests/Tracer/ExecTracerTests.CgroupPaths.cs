using NSubstitute;
using NSubstitute.ExceptionExtensions;
using Tracing.Filtering;
using Tracing.Ports;
using Tracing.Tracer;

namespace Tracing.Core.Tests.Tracer;

/// <summary>A cgroup filter without a hierarchy is found by the platform's reader when tracing starts.</summary>
public sealed partial class ExecTracerTests
{
    [Fact]
    public async Task A_cgroup_path_the_reader_finds_is_traced_in_the_hierarchy_it_names()
    {
        _processes.Reader.FindCgroup("/sys/fs/cgroup/cpu/foo").Returns(new CgroupMembership("cpu", "/foo"));
        _processes.Add(200, 1, "in-cpu", "in-cpu").Cgroups = [new("cpu", "/foo/bar")];
        _processes.Add(201, 1, "in-memory", "in-memory").Cgroups = [new("memory", "/foo"), new("cpu", "/")];

        var events = await TraceAsync(
            () =>
            {
                _source.Exec(200);
                _source.Exec(201);
            },
            o =>
            {
                o.Scope = ExecTracingScope.Cgroup;
                o.Cgroup = "/sys/fs/cgroup/cpu/foo";
            });

        Assert.Equal([200], ExecPids(events));
    }

    [Fact]
    public async Task A_cgroup_path_the_reader_refuses_fails_the_start_in_its_words_and_leaves_the_tracer_startable()
    {
        _processes.Reader.FindCgroup("/sys/fs/cgroup/nonexistent").Throws(new ArgumentException("no cgroup at /sys/fs/cgroup/nonexistent."));
        await using var tracer = CreateTracer(o => o.Filter = ExecTraceFilter.Cgroup("/sys/fs/cgroup/nonexistent"));

        var error = await Assert.ThrowsAsync<ArgumentException>(() => tracer.StartAsync());

        Assert.Equal("no cgroup at /sys/fs/cgroup/nonexistent.", error.Message);
        Assert.Equal(TracerState.Stopped, tracer.State);
        Assert.Equal(0, _source.StartCount);
    }

    [Fact]
    public async Task A_cgroup_filter_with_a_hierarchy_is_not_looked_up()
    {
        await TraceAsync(() => { }, o => o.Filter = ExecTraceFilter.Cgroup("/foo", "cpu"));

        _processes.Reader.DidNotReceive().FindCgroup(Arg.Any<string>());
    }
}
