using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Tracing.Hosting.Tests.Configuration;

/// <summary>A service provider with <c>AddExecTracing()</c> over in-memory configuration.</summary>
internal static class ConfiguredProvider
{
    public static ServiceProvider Build(Dictionary<string, string?> settings, Action<IServiceCollection>? more = null)
    {
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .AddExecTracing();
        more?.Invoke(services);
        return services.BuildServiceProvider();
    }

    /// <summary>The validation failure that reading <typeparamref name="TOptions"/> from this configuration gives.</summary>
    public static string FailureOf<TOptions>(Dictionary<string, string?> settings)
        where TOptions : class
    {
        using var provider = Build(settings);
        return Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<TOptions>>().Value).Message;
    }
}
