using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;

namespace Tracing.Kernel.Tests.Packaging;

/// <summary>
/// What the README promises: dotnet pack, then dotnet tool install from the packages, gives a native exectrace on
/// Linux. Packs the real source, with its own build folders, so the repository's bin and obj are not touched.
/// </summary>
public sealed class ToolPackageTests : IDisposable
{
    private static readonly TimeSpan s_packBound = TimeSpan.FromMinutes(10);
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("exectrace-pack-");

    [Fact]
    public async Task The_installed_tool_is_a_native_executable_that_traces_its_command()
    {
        var root = typeof(ToolPackageTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "TracingRepositoryRoot").Value!;
        var packages = Path.Combine(_work.FullName, "packages");
        var tools = Path.Combine(_work.FullName, "tools");
        // Only this machine's native package (a cross-linked one is docs/packaging.md's business, not this test's); no
        // build server outlives the pack.
        await RunDotnetAsync(
            "pack", Path.Combine(root, "src/Tracing.Cli"), "-c", "Release", "-o", packages, "--disable-build-servers",
            "--artifacts-path", Path.Combine(_work.FullName, "build"), $"-p:ToolNativeRuntimeIdentifiers={RuntimeInformation.RuntimeIdentifier}");
        await RunDotnetAsync("tool", "install", "--tool-path", tools, "--add-source", packages, "Tracing.Cli");

        var installed = new FileInfo(Path.Combine(tools, "exectrace"));
        var binary = installed.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? installed.FullName;
        var header = new byte[20];
        await using (var file = File.OpenRead(binary))
        {
            await file.ReadExactlyAsync(header);
        }

        Assert.True(header.AsSpan(0, 4).SequenceEqual("\u007fELF"u8), $"{binary} is not an ELF file");
        // e_machine, little-endian: the machine's own architecture, not a .NET assembly run by an apphost.
        Assert.Equal(RuntimeInformation.OSArchitecture == Architecture.Arm64 ? 183 : 62, BitConverter.ToUInt16(header, 18));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(binary)!, "*.dll"));

        var marker = KernelTracer.NewMarker();
        using var exectrace = Process.Start(new ProcessStartInfo(installed.FullName, ["--", "/bin/sh", "-c", "read x; exit 7", "sh", marker])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var errors = exectrace.StandardError.ReadToEndAsync();
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        string? line;
        while ((line = await exectrace.StandardOutput.ReadLineAsync(bound.Token)) is not null && !line.Contains(marker, StringComparison.Ordinal))
        {
        }

        // The command is held on its stdin until its exec is reported.
        exectrace.StandardInput.Close();
        await exectrace.WaitForExitAsync(bound.Token);
        Assert.True(line is not null, $"no exec line for {marker}; stderr: {await errors}");
        Assert.EndsWith($" /bin/sh -c 'read x; exit 7' sh {marker}", line, StringComparison.Ordinal);
        Assert.Equal(7, exectrace.ExitCode);
    }

    public void Dispose() => _work.Delete(recursive: true);

    private static async Task RunDotnetAsync(params string[] arguments)
    {
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet", arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // The test host's own MSBuild settings must not leak into the pack.
        info.Environment.Remove("MSBuildExtensionsPath");
        info.Environment.Remove("MSBuildSDKsPath");
        info.Environment.Remove("MSBUILD_EXE_PATH");
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync(new CancellationTokenSource(s_packBound).Token);
        var text = new StringBuilder().Append(await output).Append(await errors).ToString();
        Assert.True(process.ExitCode == 0, $"dotnet {string.Join(' ', arguments)} exited {process.ExitCode}:\n{text}");
    }
}
