using System.Reflection;
using System.Xml.Linq;

namespace Tracing.Kernel.Tests.Packaging;

/// <summary>The repository these tests were built from, and the version it sets.</summary>
internal static class Repository
{
    /// <summary>The clone's root folder, with a trailing separator.</summary>
    public static string Root { get; } =
        typeof(Repository).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "TracingRepositoryRoot").Value!;

    /// <summary>A path inside the clone.</summary>
    public static string PathOf(string relative) => Path.Combine(Root, relative);

    /// <summary>The one version the build sets: <c>VersionPrefix</c> in Directory.Build.props.</summary>
    public static string VersionPrefix =>
        XDocument.Load(PathOf("Directory.Build.props")).Descendants("VersionPrefix").Single().Value.Trim();
}
