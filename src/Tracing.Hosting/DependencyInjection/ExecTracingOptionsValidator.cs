using Microsoft.Extensions.Options;
using Tracing.Hosting.Configuration;
using Tracing.Linux.ProcFs;
using Tracing.Tracer;

namespace Tracing.Hosting.DependencyInjection;

/// <summary>
/// Validates one tracer's <see cref="ExecTracingOptions"/> (those of its name); every failure names the setting by its
/// key in the tracer's section (<c>ExecTracing:Pid must be set when ExecTracing:Scope is ProcessTree.</c>).
/// </summary>
internal sealed class ExecTracingOptionsValidator(ExecTracerRegistration registration) : IValidateOptions<ExecTracingOptions>
{
    public ValidateOptionsResult Validate(string? name, ExecTracingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if ((name ?? Options.DefaultName) != registration.Name)
        {
            return ValidateOptionsResult.Skip;
        }

        var prefix = registration.KeyPrefix;
        var errors = options.GetValidationErrors(prefix).ToList();
        if (options.Filter is null && options.Scope == ExecTracingScope.Cgroup && !string.IsNullOrWhiteSpace(options.Cgroup)
            && options.Pid is null && string.IsNullOrEmpty(options.Container))
        {
            // The cgroup is checked as exectrace --cgroup checks it, in the same words, instead of the filter's own
            // check; only once the scope's settings are right, so the cgroup of a wrong scope is not looked for.
            var key = $"{prefix}{nameof(options.Cgroup)}: ";
            errors.RemoveAll(e => e.StartsWith(key, StringComparison.Ordinal));
            if (!CgroupPaths.TryResolve(options.Cgroup, out _, out var error))
            {
                errors.Add(key + error);
            }
        }

        if (options.Source != ExecTracingSource.Auto && !OperatingSystem.IsLinux())
        {
            // eBPF and the proc connector are Linux's; elsewhere the one source there is serves.
            errors.Add($"{prefix}{nameof(options.Source)} {options.Source} is Linux's; on {System.Runtime.InteropServices.RuntimeInformation.OSDescription} only Auto is taken.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
