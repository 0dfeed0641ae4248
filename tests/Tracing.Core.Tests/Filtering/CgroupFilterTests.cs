using Tracing.Filtering;

namespace Tracing.Core.Tests.Filtering;

public class CgroupFilterTests
{
    [Theory]
    [InlineData("/a/b", "/a/b")]
    [InlineData("/a/b", "/a/b/c")]
    [InlineData("/a/b", "/a/b/c/d")]
    [InlineData("/a/b/", "/a/b/c")]
    [InlineData("/", "/anything")]
    [InlineData("/", "/")]
    public void Matches_the_cgroup_and_below(string filterPath, string processPath)
    {
        Assert.True(new CgroupFilter(filterPath).Matches([processPath]));
    }

    [Theory]
    [InlineData("/a/b", "/a/bc")]
    [InlineData("/a/b", "/a")]
    [InlineData("/a/b", "/a/c")]
    [InlineData("/a/b", "/")]
    [InlineData("/a/b", "/x/a/b")]
    public void Does_not_match_siblings_parents_or_prefixes(string filterPath, string processPath)
    {
        Assert.False(new CgroupFilter(filterPath).Matches([processPath]));
    }

    [Fact]
    public void Matches_when_any_hierarchy_matches()
    {
        var filter = new CgroupFilter("/system.slice/x.service");

        Assert.True(filter.Matches(["/", "/user.slice", "/system.slice/x.service"]));
        Assert.False(filter.Matches(["/", "/user.slice"]));
        Assert.False(filter.Matches([]));
    }

    [Theory]
    [InlineData("")]
    [InlineData("a/b")]
    [InlineData("system.slice")]
    public void Validate_rejects_a_path_without_leading_slash(string path)
    {
        var error = Assert.Throws<ArgumentException>(() => new CgroupFilter(path).Validate());

        Assert.Equal("Path", error.ParamName);
    }

    [Fact]
    public void Validate_accepts_an_absolute_path()
    {
        new CgroupFilter("/a/b").Validate();
        new CgroupFilter("/").Validate();
    }
}
