using System.Security.Cryptography;
using Tracing.Ports;

namespace Tracing.Linux.Tests.Containers;

/// <summary>
/// A container as a test's fake engine describes it: its inspect answer is built from these values, and what the
/// adapter returns is compared with them.
/// </summary>
internal sealed record CannedContainer(string Id, string Name, bool Running, int Pid)
{
    public static CannedContainer RunningOne(string name = "web") =>
        new(RandomNumberGenerator.GetHexString(64, lowercase: true), name, true, Random.Shared.Next(2, 4_000_000));

    public static CannedContainer StoppedOne(string name = "stopped") =>
        new(RandomNumberGenerator.GetHexString(64, lowercase: true), name, false, 0);

    public ContainerRecord Expected(string engine) => new(Id, Name, engine, Running, Pid > 0 ? Pid : null);

    public string InspectJson() => EngineAnswers.Inspect(this);
}
