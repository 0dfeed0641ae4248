using System.Globalization;
using System.IO.Enumeration;

namespace Tracing.Linux.ProcFs;

internal sealed partial class ProcFsReader
{
    private static readonly EnumerationOptions s_enumerationOptions = new()
    {
        IgnoreInaccessible = true,
        AttributesToSkip = 0,
        RecurseSubdirectories = false,
    };

    /// <inheritdoc />
    /// <remarks>
    /// The numeric directories of the proc root, enumerated lazily without a string per entry. A missing root is a
    /// misconfiguration, not a gone process: enumerating it throws <see cref="DirectoryNotFoundException"/>.
    /// </remarks>
    public IEnumerable<int> EnumerateProcessIds() =>
        new FileSystemEnumerable<int>(
            _root,
            static (ref FileSystemEntry entry) => int.Parse(entry.FileName, NumberStyles.None, CultureInfo.InvariantCulture),
            s_enumerationOptions)
        {
            ShouldIncludePredicate = static (ref FileSystemEntry entry) =>
                entry.IsDirectory && int.TryParse(entry.FileName, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && pid > 0,
        };
}
