using System.Text;
using CsCheck;
using Tracing.Linux.Containers;
using Tracing.Tests.Fuzzing;

namespace Tracing.Linux.Tests.Containers;

/// <summary><see cref="EngineJson"/> on engine answers cut short or with bytes changed: false, never an exception.</summary>
public sealed class EngineJsonProperties
{
    private const long CiIterations = 20_000;

    private static readonly Gen<byte[]> s_answers = Gen.OneOf(
        Gen.Const(0).Select(_ => Encoding.UTF8.GetBytes(CannedContainer.RunningOne().InspectJson())),
        Gen.Bool.Select(podman => Encoding.UTF8.GetBytes(EngineAnswers.Version(podman).Body)),
        Gen.Const(Encoding.UTF8.GetBytes("""{"cause":"no such container","message":"no container","response":404}""")));

    private static readonly Gen<byte[]> s_mutated =
        from answer in s_answers
        from at in Gen.Int[0, 10_000]
        from how in Gen.Int[0, 2]
        from value in Gen.OneOf(Gen.Byte, Gen.OneOf((byte)'{', (byte)'}', (byte)'"', (byte)'[', (byte)']', (byte)',', (byte)':', (byte)'\\'))
        select Mutate(answer, at % (answer.Length + 1), how, value);

    [Fact]
    public void Mutated_answers_never_throw()
    {
        FuzzCheck.Run(s_mutated, bytes =>
        {
            _ = EngineJson.TryReadContainer(bytes, out _);
            _ = EngineJson.TryReadMessage(bytes, out _);
            _ = EngineJson.TryReadEngineName(bytes, out _);
        }, "0000002engJs", CiIterations, Convert.ToHexString);
    }

    private static byte[] Mutate(byte[] answer, int at, int how, byte value) => how switch
    {
        0 => answer[..at],
        1 when at < answer.Length => [.. answer[..at], value, .. answer[(at + 1)..]],
        _ => [.. answer[..at], value, .. answer[at..]],
    };
}
