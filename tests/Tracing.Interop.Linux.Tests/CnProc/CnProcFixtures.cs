using Tracing.Tests.Fixtures;

namespace Tracing.Linux.Tests.CnProc;

/// <summary>Finds the recorded proc connector datagrams (<see cref="TestFixtures"/>); fails loudly when they are missing.</summary>
internal static class CnProcFixtures
{
    public static string Directory { get; } = Path.Combine(TestFixtures.Directory, "cn_proc");

    public static string ExpectedPath => Path.Combine(Directory, "expected.jsonl");

    public static string RootPath => Path.Combine(Directory, "root.json");

    public static byte[] Read(string relativePath) => File.ReadAllBytes(Path.Combine(Directory, relativePath));

    /// <summary>The fixture files as expected.jsonl names them, e.g. <c>feed/0001-fork.bin</c>.</summary>
    public static IEnumerable<string> BinFiles(string folder) =>
        System.IO.Directory.GetFiles(Path.Combine(Directory, folder), "*.bin")
            .Select(path => $"{folder}/{Path.GetFileName(path)}")
            .Order(StringComparer.Ordinal);
}
