using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.IO.Enumeration;

namespace Tracing.Linux.ProcFs;

internal sealed partial class ProcFsReader
{
    /// <inheritdoc />
    /// <remarks>Read when tracing starts or resynchronises, never per event: the kernel reports every later thread.</remarks>
    public bool TryReadOtherThreadIds(int pid, [NotNullWhen(true)] out IReadOnlyList<int>? threadIds)
    {
        threadIds = null;
        if (pid <= 0)
        {
            return false;
        }

        var task = Path.Join(_root, pid.ToString(CultureInfo.InvariantCulture), "task");
        try
        {
            var ids = new List<int>();
            foreach (var tid in new FileSystemEnumerable<int>(
                task,
                static (ref FileSystemEntry entry) => int.Parse(entry.FileName, NumberStyles.None, CultureInfo.InvariantCulture),
                s_enumerationOptions)
            {
                ShouldIncludePredicate = static (ref FileSystemEntry entry) =>
                    entry.IsDirectory && int.TryParse(entry.FileName, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0,
            })
            {
                if (tid != pid)
                {
                    ids.Add(tid);
                }
            }

            threadIds = ids;
            return true;
        }
        catch (Exception e) when (e is DirectoryNotFoundException or UnauthorizedAccessException or IOException)
        {
            // Gone (ENOENT, ESRCH) or not ours to read: the expected case.
            return false;
        }
    }
}
