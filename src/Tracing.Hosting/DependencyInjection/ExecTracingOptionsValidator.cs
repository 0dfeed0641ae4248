using Microsoft.Extensions.Options;
using Tracing.Tracer;

namespace Tracing.Hosting.DependencyInjection;

/// <summary>Validates <see cref="ExecTracingOptions"/>; every failure names the setting.</summary>
internal sealed class ExecTracingOptionsValidator : IValidateOptions<ExecTracingOptions>
{
    public ValidateOptionsResult Validate(string? name, ExecTracingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.GetValidationErrors();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors.Select(e => "ExecTracing:" + e));
    }
}
