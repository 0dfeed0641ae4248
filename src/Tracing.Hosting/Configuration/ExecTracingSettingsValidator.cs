using Microsoft.Extensions.Options;

namespace Tracing.Hosting.Configuration;

/// <summary>Checks the data annotations and the rules of <see cref="ExecTracingSettings"/> (generated, no reflection).</summary>
[OptionsValidator]
internal sealed partial class ExecTracingSettingsValidator : IValidateOptions<ExecTracingSettings>
{
}
