using System.Text;
using Tracing.Linux.Containers;

namespace Tracing.Linux.Tests.Containers;

public sealed class EngineJsonTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Reads_a_container_from_an_inspect_answer_skipping_the_rest(bool running)
    {
        var canned = running ? CannedContainer.RunningOne("a.b_c-1") : CannedContainer.StoppedOne();

        Assert.True(EngineJson.TryReadContainer(Encoding.UTF8.GetBytes(canned.InspectJson()), out var container));

        Assert.Equal(new InspectedContainer(canned.Id, canned.Name, canned.Running, canned.Pid), container);
    }

    [Theory]
    [InlineData("""{"Id":"x","Name":"web","State":{"Running":true,"Pid":7}}""", "web")]
    [InlineData("""{"Id":"x","Name":"/web","State":{"Running":true,"Pid":7}}""", "web")]
    [InlineData("""{"Id":"x","Name":"//web","State":{"Running":true,"Pid":7}}""", "/web")]
    public void Strips_one_leading_slash_from_the_name(string json, string name)
    {
        Assert.True(EngineJson.TryReadContainer(Encoding.UTF8.GetBytes(json), out var container));
        Assert.Equal(name, container.Name);
    }

    [Theory]
    [InlineData("""{"Name":"/web","State":{"Running":true,"Pid":7}}""")]
    [InlineData("""{"Id":"x","State":{"Running":true,"Pid":7}}""")]
    [InlineData("""{"Id":"x","Name":"/web"}""")]
    [InlineData("""{"Id":"x","Name":"/web","State":null}""")]
    [InlineData("""{"Id":"x","Name":"/web","State":{"Pid":7}}""")]
    [InlineData("""{"Id":"x","Name":"/web","State":{"Running":true}}""")]
    [InlineData("""{"Id":"x","Name":"/web","State":{"Running":"yes","Pid":7}}""")]
    [InlineData("""{"Id":"x","Name":"/web","State":{"Running":true,"Pid":1e99}}""")]
    [InlineData("""{"Id":7,"Name":"/web","State":{"Running":true,"Pid":7}}""")]
    [InlineData("""{"Id":"x","Name":"/web","State":{"Running":true,"Pid":7}""")]
    [InlineData("""{"Id":"x","Name":"/web","State":{"Running":true,"Pid":7}},""")]
    [InlineData("""[{"Id":"x","Name":"/web","State":{"Running":true,"Pid":7}}]""")]
    [InlineData("")]
    [InlineData("null")]
    public void Refuses_an_answer_without_a_readable_field(string json)
    {
        Assert.False(EngineJson.TryReadContainer(Encoding.UTF8.GetBytes(json), out _));
    }

    [Theory]
    [InlineData("""{"cause":"c","message":"m \"q\"","response":404}""", "m \"q\"")]
    [InlineData("""{"message":"No such container: x"}""", "No such container: x")]
    public void Reads_the_message_of_an_error(string json, string message)
    {
        Assert.True(EngineJson.TryReadMessage(Encoding.UTF8.GetBytes(json), out var read));
        Assert.Equal(message, read);
    }

    [Theory]
    [InlineData("""{"cause":"c"}""")]
    [InlineData("""{"message":7}""")]
    [InlineData("page not found")]
    [InlineData("")]
    public void No_message_in_other_answers(string json)
    {
        Assert.False(EngineJson.TryReadMessage(Encoding.UTF8.GetBytes(json), out _));
    }

    [Theory]
    [InlineData(true, "podman")]
    [InlineData(false, "docker")]
    public void Names_the_engine_from_its_version_components(bool podman, string engine)
    {
        Assert.True(EngineJson.TryReadEngineName(Encoding.UTF8.GetBytes(EngineAnswers.Version(podman).Body), out var read));
        Assert.Equal(engine, read);
    }

    [Theory]
    [InlineData("""{"Version":"1"}""", true)]
    [InlineData("""{"Components":[7,{"Name":"Podman Engine"}]}""", true)]
    [InlineData("""{"Components":null}""", true)]
    [InlineData("""{"Components":[{"Name":"Podman Engine"}""", false)]
    [InlineData("[]", false)]
    public void Reads_odd_version_answers_without_throwing(string json, bool readable)
    {
        Assert.Equal(readable, EngineJson.TryReadEngineName(Encoding.UTF8.GetBytes(json), out _));
    }
}
