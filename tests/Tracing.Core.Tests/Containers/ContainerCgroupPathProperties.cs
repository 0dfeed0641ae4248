using CsCheck;
using Tracing.Containers;
using Tracing.Tests.Fuzzing;

namespace Tracing.Core.Tests.Containers;

public class ContainerCgroupPathProperties
{
    private const long CiIterations = 20_000;
    private const string Id = "9f3c2a1b0d4e5f60718293a4b5c6d7e8f9011223344556677889900aabbccdde";

    private static readonly string[] s_engines = ["docker", "podman", "containerd", "cri-o", "kubernetes"];

    // Components near every rule's edge, so random paths hit containers, helpers and near misses alike.
    private static readonly string[] s_names =
    [
        "", ".", "..", "docker", "default", "kubepods", "burstable", "besteffort", "pod1", "pod", "system.slice",
        "init.scope", "container", Id, Id[..63], Id + "a", Id.ToUpperInvariant(), Id + ".scope",
        "docker-" + Id + ".scope", "libpod-" + Id, "libpod-conmon-" + Id + ".scope", "crio-conmon-" + Id,
        "cri-containerd-" + Id + ".scope", "nerdctl-" + Id[..63] + ".scope", "x (deleted)",
    ];

    private static readonly Gen<string> s_component = Gen.Frequency(
        (6, Gen.Int[0, s_names.Length - 1].Select(i => s_names[i])),
        (1, Gen.String[Gen.Char["-./:abcdef0123456789 \0é"], 0, 70]));

    private static readonly Gen<string> s_path = s_component.Array[0, 8].Select(parts => "/" + string.Join('/', parts));

    [Fact]
    public void Never_throws_and_an_id_found_is_64_lowercase_hex_from_the_path()
    {
        FuzzCheck.Run(Gen.OneOf(s_path, Gen.String[0, 100]), path =>
        {
            if (ContainerCgroupPath.TryParse(path, out var id, out var engine))
            {
                Assert.Equal(64, id.Length);
                Assert.DoesNotContain(id, c => !char.IsAsciiHexDigitLower(c));
                Assert.Contains(id, path, StringComparison.Ordinal);
                Assert.Contains(engine, s_engines);
            }
        }, "0000001dfSOb", CiIterations);
    }

    [Fact]
    public void A_sub_cgroup_below_belongs_to_the_same_container()
    {
        FuzzCheck.Run(s_path, path =>
        {
            var found = ContainerCgroupPath.TryParse(path, out var id, out var engine);
            var below = ContainerCgroupPath.TryParse(path + "/init.scope", out var belowId, out var belowEngine);

            Assert.Equal((found, id, engine), (below, belowId, belowEngine));
        }, "0000001dfSUd", CiIterations);
    }

    [Fact]
    public void A_path_seen_from_a_nested_cgroup_namespace_names_the_same_container()
    {
        FuzzCheck.Run(s_path, path =>
        {
            var found = ContainerCgroupPath.TryParse(path, out var id, out var engine);
            var outside = ContainerCgroupPath.TryParse("/.." + path, out var outsideId, out var outsideEngine);

            Assert.Equal((found, id, engine), (outside, outsideId, outsideEngine));
        }, "0000001dfSOb", CiIterations);
    }
}
