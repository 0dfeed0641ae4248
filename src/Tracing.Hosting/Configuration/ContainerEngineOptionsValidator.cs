using Microsoft.Extensions.Options;
using Tracing.Linux;

namespace Tracing.Hosting.Configuration;

/// <summary>Checks the data annotations of <see cref="ContainerEngineOptions"/> (generated, no reflection).</summary>
[OptionsValidator]
internal sealed partial class ContainerEngineOptionsValidator : IValidateOptions<ContainerEngineOptions>
{
}
