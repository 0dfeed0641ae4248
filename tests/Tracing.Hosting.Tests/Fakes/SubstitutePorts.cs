using Microsoft.Extensions.DependencyInjection;
using NSubstitute;
using Tracing.Core.Tests.Fakes;
using Tracing.Events;
using Tracing.Ports;

namespace Tracing.Hosting.Tests.Fakes;

/// <summary>A fake kernel and a /proc that knows one process, 300 (<c>git commit -m x</c>, parent 200).</summary>
internal static class SubstitutePorts
{
    public static FakeKernelEventSource Add(IServiceCollection services)
    {
        var source = new FakeKernelEventSource();
        var reader = Substitute.For<IProcessInfoReader>();
        reader.CurrentProcessId.Returns(100);
        reader.TryReadArguments(300, out Arg.Any<ProcessArguments?>()).Returns(call =>
        {
            call[1] = ProcessArguments.FromStrings(["git", "commit", "-m", "x"]);
            return true;
        });
        reader.TryReadStat(300, out Arg.Any<ProcessStat>()).Returns(call =>
        {
            call[1] = new ProcessStat(300, 200, "git", 'R');
            return true;
        });
        var clock = Substitute.For<IMonotonicClock>();
        clock.NowNanoseconds.Returns(1_000_000);
        services.AddSingleton<IKernelEventSource>(source).AddSingleton(reader).AddSingleton(clock);
        return source;
    }

    /// <summary>A fake kernel of the tracer keyed <paramref name="key"/>; its /proc is the one of <see cref="Add"/>.</summary>
    public static FakeKernelEventSource AddKeyed(IServiceCollection services, string key)
    {
        var source = new FakeKernelEventSource();
        services.AddKeyedSingleton<IKernelEventSource>(key, source);
        services.AddKeyedSingleton<IProcessInfoReader>(key, (sp, _) => sp.GetRequiredService<IProcessInfoReader>());
        return source;
    }
}
