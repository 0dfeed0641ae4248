using System.Buffers;
using System.Diagnostics.CodeAnalysis;

namespace Tracing.Containers;

/// <summary>
/// Which container one component of a cgroup path names, by the names the engines give their containers' cgroups.
/// </summary>
/// <remarks>
/// Two shapes name a container:
/// <list type="bullet">
/// <item><c>&lt;prefix&gt;-&lt;id&gt;</c> with or without <c>.scope</c>: the systemd drivers make a scope unit
/// <c>prefix-id.scope</c> (runc's <c>slice:prefix:id</c>); podman's and CRI-O's cgroupfs managers use the same name
/// without the suffix. The prefix names the engine; a helper's prefix (<c>libpod-conmon</c>, <c>crio-conmon</c>) names
/// none, so its scope is not a container.</item>
/// <item>A bare id, only below a parent whose engine puts bare ids there: Docker's cgroupfs parent <c>/docker</c>,
/// containerd's default namespace <c>/default</c>, and a Kubernetes pod cgroup <c>kubepods[/qos]/pod&lt;uid&gt;</c>.
/// Elsewhere 64 hex digits may name anything (a custom <c>--cgroup-parent</c>, a service's own sub-cgroups), and a
/// wrong container is worse than none.</item>
/// </list>
/// </remarks>
internal static class ContainerCgroupName
{
    private const int IdLength = 64;
    private const string ScopeSuffix = ".scope";

    // Engines give ids as lowercase hex; an uppercase digit means the name is not an engine's.
    private static readonly SearchValues<char> s_idDigits = SearchValues.Create("0123456789abcdef");

    /// <summary>The container <paramref name="name"/> names, given the path <paramref name="parent"/> above it.</summary>
    public static bool TryParse(
        ReadOnlySpan<char> name,
        ReadOnlySpan<char> parent,
        out ReadOnlySpan<char> id,
        [NotNullWhen(true)] out string? engine)
    {
        var isScope = name.EndsWith(ScopeSuffix, StringComparison.Ordinal);
        var unit = isScope ? name[..^ScopeSuffix.Length] : name;
        if (unit.Length > IdLength && unit[^(IdLength + 1)] == '-')
        {
            id = unit[^IdLength..];
            engine = EngineOfPrefix(unit[..^(IdLength + 1)]);
        }
        else if (!isScope && unit.Length == IdLength)
        {
            id = unit;
            engine = EngineOfParent(parent);
        }
        else
        {
            id = default;
            engine = null;
        }

        if (engine is null || id.ContainsAnyExcept(s_idDigits))
        {
            id = default;
            engine = null;
            return false;
        }

        return true;
    }

    private static string? EngineOfPrefix(ReadOnlySpan<char> prefix) => prefix switch
    {
        "docker" => ContainerEngines.Docker,
        "libpod" or "libpod-payload" => ContainerEngines.Podman,
        "cri-containerd" or "nerdctl" => ContainerEngines.Containerd,
        "crio" => ContainerEngines.CriO,
        _ => null,
    };

    private static string? EngineOfParent(ReadOnlySpan<char> parent)
    {
        var name = CgroupPathComponents.Last(parent, out var above);
        return name switch
        {
            "docker" => ContainerEngines.Docker,
            "default" => ContainerEngines.Containerd,
            _ when name.Length > "pod".Length && name.StartsWith("pod", StringComparison.Ordinal) && IsPodParent(above)
                => ContainerEngines.Kubernetes,
            _ => null,
        };
    }

    // kubelet's cgroupfs names: kubepods/pod<uid> (Guaranteed) or kubepods/{burstable,besteffort}/pod<uid>.
    private static bool IsPodParent(ReadOnlySpan<char> path)
    {
        var name = CgroupPathComponents.Last(path, out var above);
        return name is "kubepods"
            || (name is "burstable" or "besteffort" && CgroupPathComponents.Last(above, out _) is "kubepods");
    }
}
