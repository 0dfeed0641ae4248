using System.ComponentModel;
using System.Net.Sockets;
using System.Reflection;

namespace Tracing.Kernel.Tests.Containers;

internal sealed partial class Podman
{
    /// <summary>podman's Docker-compatible API, as <c>.ci/containers.sh</c> serves it.</summary>
    public const string ApiSocket = "/run/podman/podman.sock";

    // Once per test run: a failure is kept, so every container test fails with the same reason.
    private static readonly Lazy<Task> s_environment = new(PrepareAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The repository this test assembly was built from (its build records it).</summary>
    public static string RepositoryRoot { get; } = Path.TrimEndingDirectorySeparator(
        typeof(Podman).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "TracingRepositoryRoot").Value!);

    /// <summary>Makes sure podman, <see cref="Image"/> and the API service are there, running <c>.ci/containers.sh</c> if not.</summary>
    public static Task EnsureEnvironmentAsync() => s_environment.Value;

    private static async Task PrepareAsync()
    {
        if (await IsReadyAsync())
        {
            return;
        }

        // Installing packages may take minutes on a fresh machine.
        var script = Path.Join(RepositoryRoot, ".ci", "containers.sh");
        var prepared = await BoundedProcess.RunAsync("/bin/bash", [script], TimeSpan.FromMinutes(10));
        if (prepared.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"The container tests need podman, the image {Image} and podman's API on {ApiSocket}; {script} could not prepare them (as root it installs and starts what is missing): {prepared}");
        }

        if (!await IsReadyAsync())
        {
            throw new InvalidOperationException($"{script} succeeded, yet the image {Image} or the API on {ApiSocket} is still missing: {prepared}");
        }
    }

    private static async Task<bool> IsReadyAsync()
    {
        CommandResult exists;
        try
        {
            exists = await BoundedProcess.RunAsync("podman", ["image", "exists", Image], Bound);
        }
        catch (Win32Exception)
        {
            return false; // podman is not installed
        }

        return exists.ExitCode == 0 && await ApiAnswersAsync();
    }

    private static async Task<bool> ApiAnswersAsync()
    {
        using var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (_, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                try
                {
                    await socket.ConnectAsync(new UnixDomainSocketEndPoint(ApiSocket), cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        using var client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(10) };
        try
        {
            using var response = await client.GetAsync(new Uri("http://podman/_ping"));
            return response.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }
}
