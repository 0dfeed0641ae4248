using Tracing.Linux.ProcFs;
using Tracing.Ports;
using Tracing.Tests.Cgroups;

namespace Tracing.Linux.Tests.ProcFs;

/// <summary><see cref="ProcFsReader.FindCgroup"/>, which a cgroup filter without a hierarchy asks at start, is the resolver's verdict.</summary>
public class ProcFsReaderCgroupPathsTests
{
    [Theory]
    [MemberData(nameof(CgroupCases.UserPaths), MemberType = typeof(CgroupCases))]
    public void A_user_path_is_found_as_the_resolver_finds_it_or_refused_in_its_words(string userPath)
    {
        IProcessInfoReader reader = new ProcFsReader();

        if (!CgroupPaths.TryResolve(userPath, out var cgroup, out var error))
        {
            Assert.Equal(error, Assert.Throws<ArgumentException>(() => reader.FindCgroup(userPath)).Message);
        }
        else if (cgroup.Controller is null)
        {
            // A path within any hierarchy is taken as it is.
            Assert.Null(reader.FindCgroup(userPath));
        }
        else
        {
            Assert.Equal(new CgroupMembership(cgroup.Controller, cgroup.Path), reader.FindCgroup(userPath));
        }
    }
}
