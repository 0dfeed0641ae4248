using System.Runtime.CompilerServices;
using OpenTelemetry;

namespace Tracing.OpenTelemetry.Export;

/// <summary>
/// The SDK's own link from an exporter to its provider (where it reads the resource from), for an exporter wrapped in
/// another: the SDK links only the one it holds. An accessor, not reflection: checked by the compiler's AOT analysis.
/// </summary>
/// <typeparam name="T">What the exporter exports.</typeparam>
internal static class ExporterAccess<T>
    where T : class
{
    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_ParentProvider")]
    public static extern void SetParentProvider(BaseExporter<T> exporter, BaseProvider provider);
}
