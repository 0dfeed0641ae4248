using Tracing.Containers;
using Tracing.Events;
using Tracing.Ports;

namespace Tracing.Core.Tests.Containers;

/// <summary>A lookup as the session makes it, answer included: the container, named once the engine's answer (if any) is in.</summary>
internal static class AnsweredDirectory
{
    public static ContainerInfo? OfAnswered(this ContainerDirectory directory, IReadOnlyList<CgroupMembership> memberships)
    {
        var container = directory.Of(memberships, out var naming);
        if (naming is not null)
        {
            // Bounded by the directory's own wait; a failed or late answer leaves the container unnamed.
            ((IAsyncResult)naming).AsyncWaitHandle.WaitOne(TimeSpan.FromSeconds(30));
            directory.Named(container!.Id, naming);
        }

        return container is null ? null : directory.Current(container);
    }
}
