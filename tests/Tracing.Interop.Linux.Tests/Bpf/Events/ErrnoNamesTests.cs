using System.Diagnostics;
using System.Globalization;
using Tracing.Linux.Bpf.Events;

namespace Tracing.Linux.Tests.Bpf.Events;

/// <summary>The errno names a failed exec is reported with, against glibc's <c>strerrorname_np</c> (2.32+) on this machine.</summary>
public sealed class ErrnoNamesTests
{
    [Fact]
    public void Every_number_is_named_as_glibc_names_it_and_none_past_the_highest()
    {
        // One past the highest too: glibc naming it would mean the table ends too soon.
        var glibc = Glibc(ErrnoNames.Highest + 1);

        Assert.Equal(ErrnoNames.Highest + 1, glibc.Count);
        foreach (var (number, name) in glibc)
        {
            Assert.True(name == ErrnoNames.Get(number), $"errno {number}: glibc says {name ?? "NULL"}, the table {ErrnoNames.Get(number) ?? "null"}");
        }

        Assert.Null(ErrnoNames.Get(0));
        Assert.Null(ErrnoNames.Get(-2));
    }

    private static List<(int Number, string? Name)> Glibc(int highest)
    {
        var source = Path.Combine(AppContext.BaseDirectory, "Bpf", "Events", "ErrnoNames.c");
        var folder = Directory.CreateTempSubdirectory("tracing-errno-").FullName;
        try
        {
            var program = Path.Combine(folder, "errno-names");
            Run("gcc", "-Wall", "-Werror", "-o", program, source);
            return [.. Run(program, highest.ToString(CultureInfo.InvariantCulture))
                .Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(line => line.Split('\t'))
                .Select(f => (int.Parse(f[0], CultureInfo.InvariantCulture), f[1] == "-" ? null : f[1]))];
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string Run(string file, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })
            ?? throw new InvalidOperationException($"{file} did not start (the test needs gcc and libc6-dev; .ci/run installs them)");
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"{file} exited with {process.ExitCode}:\n{errors.Result}");
    }
}
