using Microsoft.Extensions.Options;
using Tracing.Darwin;

namespace Tracing.Hosting.Configuration;

/// <summary>Checks the data annotations of <see cref="DarwinPollingOptions"/> (generated, no reflection).</summary>
[OptionsValidator]
internal sealed partial class DarwinPollingOptionsValidator : IValidateOptions<DarwinPollingOptions>
{
}
