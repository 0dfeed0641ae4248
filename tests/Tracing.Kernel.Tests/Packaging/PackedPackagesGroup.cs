namespace Tracing.Kernel.Tests.Packaging;

/// <summary>The tests that read, install or build against the packed packages: they share one pack.</summary>
[CollectionDefinition(Name)]
public sealed class PackedPackagesGroup : ICollectionFixture<PackedPackages>
{
    /// <summary>The collection's name, for <see cref="CollectionAttribute"/>.</summary>
    public const string Name = "Packed packages";
}
