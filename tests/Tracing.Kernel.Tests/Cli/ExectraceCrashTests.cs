using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Tracing.Kernel.Tests.Cli;

/// <summary>
/// exectrace killed outright: the kernel frees what only its file descriptors held (maps, programs, their tracepoint
/// attachments), so nothing is left attached. bpftool is the oracle (.ci/run installs it; without it the test fails).
/// </summary>
public class ExectraceCrashTests
{
    private static readonly TimeSpan s_bound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Killed_with_sigkill_it_leaves_no_ebpf_map_or_program_behind()
    {
        await using var exectrace = await ExectraceSession.StartAsync("--source", "bpf");

        // Ready: its maps and programs are the ones its descriptors hold, by id.
        var (maps, programs) = HeldIds(exectrace.Pid);
        var named = Bpftool("map").Where(m => maps.Contains(m.Id)).Select(m => m.Name).ToList();
        Assert.Contains("exectrace_ring", named);
        Assert.All(named, n => Assert.StartsWith("exectrace_", n, StringComparison.Ordinal));
        Assert.NotEmpty(programs);

        await exectrace.SignalAsync("KILL");
        var (exitCode, _, _) = await exectrace.WaitForExitAsync();
        Assert.Equal(128 + 9, exitCode);

        // The kernel frees a map or program whose last reference went in deferred work, not in the exit itself.
        var deadline = Stopwatch.StartNew();
        List<(int Id, string Name)> left;
        while (true)
        {
            left = [.. Bpftool("map").Where(m => maps.Contains(m.Id)), .. Bpftool("prog").Where(p => programs.Contains(p.Id))];
            if (left.Count == 0 || deadline.Elapsed > s_bound)
            {
                break;
            }

            await Task.Delay(20);
        }

        Assert.True(left.Count == 0, $"left behind: {string.Join(", ", left.Select(l => $"{l.Name} ({l.Id})"))}");
    }

    // The ids of the maps and programs the process holds, from its descriptors' fdinfo (map_id:, prog_id:).
    private static (HashSet<int> Maps, HashSet<int> Programs) HeldIds(int pid)
    {
        HashSet<int> maps = [], programs = [];
        foreach (var info in Directory.GetFiles($"/proc/{pid}/fdinfo"))
        {
            string[] lines;
            try
            {
                lines = File.ReadAllLines(info);
            }
            catch (IOException)
            {
                continue; // closed meanwhile
            }

            foreach (var line in lines)
            {
                if (line.StartsWith("map_id:", StringComparison.Ordinal))
                {
                    maps.Add(int.Parse(line["map_id:".Length..].Trim(), CultureInfo.InvariantCulture));
                }
                else if (line.StartsWith("prog_id:", StringComparison.Ordinal))
                {
                    programs.Add(int.Parse(line["prog_id:".Length..].Trim(), CultureInfo.InvariantCulture));
                }
            }
        }

        return (maps, programs);
    }

    // Every map or program the kernel has now: bpftool OBJECT show -j.
    private static List<(int Id, string Name)> Bpftool(string objects)
    {
        foreach (var bpftool in new[] { "bpftool", "/usr/sbin/bpftool" })
        {
            Process process;
            try
            {
                process = Process.Start(new ProcessStartInfo(bpftool, [objects, "show", "-j"]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            }
            catch (Win32Exception)
            {
                continue;
            }

            using (process)
            {
                var errors = process.StandardError.ReadToEndAsync();
                var output = process.StandardOutput.ReadToEnd();
                process.WaitForExit();
                Assert.True(process.ExitCode == 0, $"bpftool {objects} show exited with {process.ExitCode}: {errors.Result}");
                return [.. JsonDocument.Parse(output).RootElement.EnumerateArray()
                    .Select(e => (e.GetProperty("id").GetInt32(), e.TryGetProperty("name", out var name) ? name.GetString() ?? string.Empty : string.Empty))];
            }
        }

        throw new InvalidOperationException("bpftool is not installed (.ci/run installs it: apt-get install bpftool)");
    }
}
