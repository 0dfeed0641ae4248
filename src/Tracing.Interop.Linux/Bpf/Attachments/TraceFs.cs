using System.Runtime.InteropServices;
using System.Text;

namespace Tracing.Linux.Bpf.Attachments;

/// <summary>
/// Where tracefs is (its <c>events/CATEGORY/NAME/id</c> files give a classic tracepoint's perf event config):
/// /sys/kernel/tracing, else the older /sys/kernel/debug/tracing; when neither is mounted it is mounted at
/// /sys/kernel/tracing, as <c>mount -t tracefs nodev /sys/kernel/tracing</c> would.
/// </summary>
internal static class TraceFs
{
    private const string Mounted = "/sys/kernel/tracing";
    private const string UnderDebugFs = "/sys/kernel/debug/tracing";

    /// <summary>The tracefs root, mounting it when no mount is found.</summary>
    /// <exception cref="TracingUnavailableException">It is not mounted and mounting it failed; the message says how to mount it.</exception>
    public static string Locate()
    {
        foreach (var root in (ReadOnlySpan<string>)[Mounted, UnderDebugFs])
        {
            if (Directory.Exists(Path.Combine(root, "events")))
            {
                return root;
            }
        }

        var errno = Interop.Libc.Mount("nodev\0"u8, Encoding.UTF8.GetBytes(Mounted + "\0"), "tracefs\0"u8);
        if (errno != 0 || !Directory.Exists(Path.Combine(Mounted, "events")))
        {
            throw new TracingUnavailableException(
                $"tracefs is not mounted at {Mounted} or {UnderDebugFs}, and mounting it failed ({(errno != 0 ? Marshal.GetPInvokeErrorMessage(errno) : "no events folder")}): " +
                $"mount it as root with 'mount -t tracefs nodev {Mounted}' (it takes CAP_SYS_ADMIN; the kernel needs CONFIG_TRACING).");
        }

        return Mounted;
    }

    /// <summary>The id of the tracepoint <paramref name="category"/>:<paramref name="name"/> (its <c>id</c> file).</summary>
    /// <exception cref="IOException">The kernel has no such tracepoint.</exception>
    /// <exception cref="UnauthorizedAccessException">tracefs is root's (mode 0700): it takes root or CAP_DAC_READ_SEARCH.</exception>
    public static int ReadTracepointId(string category, string name)
    {
        var path = Path.Combine(Locate(), "events", category, name, "id");
        try
        {
            return int.Parse(File.ReadAllText(path).AsSpan().Trim(), System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new IOException($"The kernel has no tracepoint {category}:{name} ({path} is missing).", e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new UnauthorizedAccessException($"Reading {path} was refused: tracefs takes root or CAP_DAC_READ_SEARCH.", e);
        }
    }
}
