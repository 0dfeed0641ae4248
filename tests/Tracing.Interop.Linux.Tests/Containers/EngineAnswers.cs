using System.Net;
using System.Text.Json.Nodes;

namespace Tracing.Linux.Tests.Containers;

/// <summary>The answers of Docker's and podman's Engine API in the shapes each sends them.</summary>
internal static class EngineAnswers
{
    /// <summary><c>GET /version</c>: podman lists itself as the "Podman Engine" component; Docker as "Engine".</summary>
    public static FakeAnswer Version(bool podman)
    {
        var components = podman
            ? new JsonArray(Component("Podman Engine", "4.3.1"), Component("Conmon", "conmon version 2.1.6"), Component("OCI Runtime (runc)", "1.1.5"))
            : new JsonArray(Component("Engine", "29.0.0"), Component("containerd", "v2.1.5"), Component("runc", "1.3.3"));
        return FakeAnswer.Ok(new JsonObject
        {
            ["Platform"] = new JsonObject { ["Name"] = podman ? "linux/amd64/debian-12" : "Docker Engine - Community" },
            ["Components"] = components,
            ["Version"] = podman ? "4.3.1" : "29.0.0",
            ["ApiVersion"] = podman ? "1.41" : "1.52",
        }.ToJsonString());
    }

    /// <summary>
    /// The shape of <c>GET /containers/{id}/json</c>, with the fields the adapter reads among others that it must
    /// skip, some of them holding decoy "Id", "Name" and "State" members one level down.
    /// </summary>
    public static string Inspect(CannedContainer c) => new JsonObject
    {
        ["Created"] = "2026-12-02T04:07:21.801412528Z",
        ["Path"] = "/bin/sh",
        ["Args"] = new JsonArray("-c", "while true; do sleep 1; done"),
        ["State"] = new JsonObject
        {
            ["Status"] = c.Running ? "running" : "exited",
            ["Running"] = c.Running,
            ["Paused"] = false,
            ["Pid"] = c.Pid,
            ["ExitCode"] = 0,
            ["Health"] = new JsonObject { ["Status"] = "", ["Log"] = null },
        },
        ["Config"] = new JsonObject
        {
            ["Id"] = "decoy",
            ["Name"] = "/decoy",
            ["State"] = new JsonObject { ["Running"] = !c.Running, ["Pid"] = 1 },
            ["Labels"] = new JsonObject { ["io.example/quote"] = "a \"quoted\" \\ value" },
            ["Env"] = new JsonArray("PATH=/bin", "TERM=xterm"),
        },
        ["Name"] = "/" + c.Name,
        ["Mounts"] = new JsonArray(),
        ["NetworkSettings"] = null,
        ["Id"] = c.Id,
        ["RestartCount"] = 0,
    }.ToJsonString();

    /// <summary>Docker's error body: <c>{"message": ...}</c>.</summary>
    public static FakeAnswer DockerError(HttpStatusCode status, string message) =>
        FakeAnswer.Json(status, new JsonObject { ["message"] = message }.ToJsonString());

    /// <summary>podman's error body: <c>{"cause": ..., "message": ..., "response": status}</c>.</summary>
    public static FakeAnswer PodmanError(HttpStatusCode status, string cause, string message) =>
        FakeAnswer.Json(status, new JsonObject { ["cause"] = cause, ["message"] = message, ["response"] = (int)status }.ToJsonString());

    /// <summary>An engine that knows these containers by whole id, id prefix (when unique) or name.</summary>
    public static Func<string, FakeAnswer?> Knowing(bool podman, params CannedContainer[] containers) => path =>
    {
        if (path == "/version")
        {
            return Version(podman);
        }

        if (!path.StartsWith("/containers/", StringComparison.Ordinal) || !path.EndsWith("/json", StringComparison.Ordinal))
        {
            return null;
        }

        var reference = Uri.UnescapeDataString(path["/containers/".Length..^"/json".Length]);
        var byName = containers.Where(c => c.Name == reference).ToArray();
        var matches = byName.Length > 0 ? byName : containers.Where(c => c.Id.StartsWith(reference, StringComparison.Ordinal)).ToArray();
        return matches.Length switch
        {
            1 => FakeAnswer.Ok(matches[0].InspectJson()),
            0 when podman => PodmanError(HttpStatusCode.NotFound, "no such container", $"no container with name or ID \"{reference}\" found: no such container"),
            0 => DockerError(HttpStatusCode.NotFound, $"No such container: {reference}"),
            _ when podman => PodmanError(HttpStatusCode.NotFound, "container already exists", $"more than one result for container ID {reference}: container already exists"),
            _ => DockerError(HttpStatusCode.BadRequest, $"multiple IDs found with provided prefix: {reference}"),
        };
    };

    private static JsonObject Component(string name, string version) => new() { ["Name"] = name, ["Version"] = version };
}
