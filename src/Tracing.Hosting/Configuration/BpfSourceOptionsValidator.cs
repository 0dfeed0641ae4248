using Microsoft.Extensions.Options;
using Tracing.Linux;

namespace Tracing.Hosting.Configuration;

/// <summary>Checks the data annotations of <see cref="BpfSourceOptions"/> and its power-of-two ring (generated, no reflection).</summary>
[OptionsValidator]
internal sealed partial class BpfSourceOptionsValidator : IValidateOptions<BpfSourceOptions>
{
}
