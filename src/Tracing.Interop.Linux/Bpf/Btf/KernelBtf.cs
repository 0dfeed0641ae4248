using System.Diagnostics.CodeAnalysis;

namespace Tracing.Linux.Bpf.Btf;

/// <summary>
/// The running kernel's own types, from the BTF it exposes at <c>/sys/kernel/btf/vmlinux</c>: read and parsed once at
/// start (about 5.5 MB, 125k types on 6.18), so eBPF programs take struct offsets from this kernel build, not constants.
/// </summary>
internal static class KernelBtf
{
    /// <summary>Where the kernel exposes its BTF (CONFIG_DEBUG_INFO_BTF, Linux 5.5+). World-readable.</summary>
    public const string VmlinuxPath = "/sys/kernel/btf/vmlinux";

    /// <summary>Reads and parses the running kernel's BTF; see <see cref="TryLoad(string, out BtfTypes?, out string?)"/>.</summary>
    public static bool TryLoad([NotNullWhen(true)] out BtfTypes? types, [NotNullWhen(false)] out string? error) =>
        TryLoad(VmlinuxPath, out types, out error);

    /// <summary>
    /// Reads and parses the BTF at <paramref name="path"/> (<see cref="VmlinuxPath"/>, or a file for tests). False, with a
    /// message for the operator, when it is absent (the kernel was built without BTF), unreadable, or not BTF.
    /// </summary>
    public static bool TryLoad(string path, [NotNullWhen(true)] out BtfTypes? types, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(path);
        types = null;
        byte[] data;
        try
        {
            data = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            error = $"the kernel has no BTF ({path}): it needs CONFIG_DEBUG_INFO_BTF=y, Linux 5.5+";
            return false;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error = $"the kernel's BTF ({path}) could not be read: {e.Message}";
            return false;
        }

        if (!BtfTypes.TryParse(data, out types, out var problem))
        {
            error = $"the kernel's BTF ({path}) could not be read: {problem}";
            return false;
        }

        error = null;
        return true;
    }
}
