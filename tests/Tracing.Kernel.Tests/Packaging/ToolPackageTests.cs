using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Tracing.Kernel.Tests.Packaging;

/// <summary>
/// What the README promises: dotnet pack, then dotnet tool install from the packages, gives a native exectrace on
/// Linux.
/// </summary>
[Collection(PackedPackagesGroup.Name)]
public sealed class ToolPackageTests(PackedPackages packages)
{
    private static readonly TimeSpan s_installBound = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task The_installed_tool_is_a_native_executable_that_traces_its_command()
    {
        var tools = packages.NewFolder("tools");
        await Dotnet.RunAsync(s_installBound, null, "tool", "install", "--tool-path", tools, "--add-source", packages.Folder, "Tracing.Cli");

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
}
