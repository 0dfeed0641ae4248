using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Tracing.Cli.Running;

/// <summary>
/// <see cref="IOptions{TOptions}"/> for one options type, registered closed: its default instance made on first read
/// by an <see cref="OptionsFactory{TOptions}"/> from the registered configure, post-configure and validate steps, as
/// <c>AddOptions</c>' open-generic manager does. The container would make that manager and its factory through
/// reflection over constructed generic types (<c>MakeGenericType</c>, constructors, parameters), which cost the Native
/// AOT tool about 150 KB of start-up allocation an options type.
/// </summary>
/// <typeparam name="TOptions">The options type.</typeparam>
internal sealed class FactoryOptions<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions>(
    IServiceProvider services) : IOptions<TOptions>
    where TOptions : class
{
    private readonly Lock _gate = new();
    private TOptions? _value;

    /// <summary>The default instance, configured and validated; a validation failure is thrown on each read.</summary>
    public TOptions Value
    {
        get
        {
            lock (_gate)
            {
                return _value ??= new OptionsFactory<TOptions>(
                    services.GetServices<IConfigureOptions<TOptions>>(),
                    services.GetServices<IPostConfigureOptions<TOptions>>(),
                    services.GetServices<IValidateOptions<TOptions>>()).Create(Options.DefaultName);
            }
        }
    }

    /// <summary>Registers it for <typeparamref name="TOptions"/>, ahead of the open-generic one.</summary>
    public static void Register(IServiceCollection services) =>
        services.AddSingleton<IOptions<TOptions>>(provider => new FactoryOptions<TOptions>(provider));
}
