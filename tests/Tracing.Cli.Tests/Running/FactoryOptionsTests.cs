using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Tracing.Cli.Running;
using Tracing.Linux;

namespace Tracing.Cli.Tests.Running;

public class FactoryOptionsTests
{
    [Fact]
    public void The_value_is_what_the_open_generic_manager_gives_configured_in_order()
    {
        static IServiceCollection Compose() => new ServiceCollection()
            .AddExecTracing()
            .Configure<ProcConnectorOptions>(o => o.RealtimePriority = 20)
            .Configure<ProcConnectorOptions>(o => o.RealtimePriority++)
            .PostConfigure<ProcConnectorOptions>(o => o.ParentsFromForks = !o.ParentsFromForks);
        var expected = Compose().BuildServiceProvider().GetRequiredService<IOptions<ProcConnectorOptions>>().Value;
        var services = Compose();
        FactoryOptions<ProcConnectorOptions>.Register(services);

        var options = services.BuildServiceProvider().GetRequiredService<IOptions<ProcConnectorOptions>>();

        Assert.IsType<FactoryOptions<ProcConnectorOptions>>(options);
        Assert.Equal(expected.RealtimePriority, options.Value.RealtimePriority);
        Assert.Equal(expected.ParentsFromForks, options.Value.ParentsFromForks);
        Assert.Same(options.Value, options.Value);
    }

    [Fact]
    public void An_invalid_setting_fails_with_the_library_validators_words_on_every_read()
    {
        static IServiceCollection Compose() => new ServiceCollection()
            .AddExecTracing()
            .Configure<ProcConnectorOptions>(o => o.RealtimePriority = 100);
        var expected = Assert.Throws<OptionsValidationException>(
            () => Compose().BuildServiceProvider().GetRequiredService<IOptions<ProcConnectorOptions>>().Value);
        var services = Compose();
        FactoryOptions<ProcConnectorOptions>.Register(services);
        var options = services.BuildServiceProvider().GetRequiredService<IOptions<ProcConnectorOptions>>();

        var first = Assert.Throws<OptionsValidationException>(() => options.Value);
        var second = Assert.Throws<OptionsValidationException>(() => options.Value);

        Assert.Equal(expected.Failures, first.Failures);
        Assert.Equal(expected.Failures, second.Failures);
    }
}
