using System.Diagnostics.CodeAnalysis;
using System.Runtime.ExceptionServices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Tracing.Darwin;
using Tracing.Linux;

namespace Tracing.Hosting.Configuration;

/// <summary>
/// Reads a tracer's options and every backend section's, both backends' on every platform, so that resolving the tracer without a host
/// reports every wrong setting at once, as a host's start validation does: one failure as its
/// <see cref="OptionsValidationException"/>, several in an <see cref="AggregateException"/>. In a host they were read
/// and found valid at start already, so this finds nothing new.
/// </summary>
internal static class ExecTracingValidation
{
    public static void ValidateAll(IServiceProvider services, ExecTracerRegistration registration)
    {
        var failures = new List<OptionsValidationException>();
        try
        {
            _ = registration.OptionsIn(services);
        }
        catch (OptionsValidationException e)
        {
            failures.Add(e);
        }


        Read<ProcConnectorOptions>(services, failures);
        Read<BpfSourceOptions>(services, failures);
        Read<ContainerEngineOptions>(services, failures);
        Read<DarwinPollingOptions>(services, failures);
        switch (failures.Count)
        {
            case 0:
                return;
            case 1:
                ExceptionDispatchInfo.Throw(failures[0]);
                break;
            default:
                throw new AggregateException(failures);
        }
    }

    private static void Read<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions>(IServiceProvider services, List<OptionsValidationException> failures)
        where TOptions : class
    {
        try
        {
            _ = services.GetRequiredService<IOptions<TOptions>>().Value;
        }
        catch (OptionsValidationException e)
        {
            failures.Add(e);
        }
    }
}
